/**
 * The words a generated archive is made of: names of persons, places, bodies and topics in the three
 * languages, each written as the content format wants it (US spelling, BGN/PCGN romanization of Russian
 * names, Japanese names family name first). Every combination is a valid glossary name, so the
 * glossary the generator writes passes `npm run check` without a warning.
 */

/** One word or name in the three languages: Russian, Japanese, English. */
export type Trilingual = readonly [ru: string, ja: string, en: string];

/** Russian given names (male, to agree with the family names below). */
export const russianGiven: readonly Trilingual[] = [
  ['Алексей', 'アレクセイ', 'Aleksey'],
  ['Андрей', 'アンドレイ', 'Andrey'],
  ['Борис', 'ボリス', 'Boris'],
  ['Василий', 'ワシーリー', 'Vasily'],
  ['Виктор', 'ヴィクトル', 'Viktor'],
  ['Владимир', 'ウラジーミル', 'Vladimir'],
  ['Григорий', 'グリゴリー', 'Grigory'],
  ['Дмитрий', 'ドミトリー', 'Dmitry'],
  ['Евгений', 'エフゲニー', 'Yevgeny'],
  ['Иван', 'イワン', 'Ivan'],
  ['Игорь', 'イーゴリ', 'Igor'],
  ['Константин', 'コンスタンチン', 'Konstantin'],
  ['Максим', 'マクシム', 'Maksim'],
  ['Михаил', 'ミハイル', 'Mikhail'],
  ['Николай', 'ニコライ', 'Nikolay'],
  ['Олег', 'オレグ', 'Oleg'],
  ['Павел', 'パーヴェル', 'Pavel'],
  ['Роман', 'ロマン', 'Roman'],
  ['Юрий', 'ユーリー', 'Yury'],
  ['Степан', 'ステパン', 'Stepan'],
];

export const russianFamily: readonly Trilingual[] = [
  ['Волков', 'ヴォルコフ', 'Volkov'],
  ['Воронин', 'ヴォローニン', 'Voronin'],
  ['Голубев', 'ゴルベフ', 'Golubev'],
  ['Егоров', 'エゴロフ', 'Yegorov'],
  ['Жуков', 'ジューコフ', 'Zhukov'],
  ['Зайцев', 'ザイツェフ', 'Zaytsev'],
  ['Карпов', 'カルポフ', 'Karpov'],
  ['Ковалев', 'コワリョフ', 'Kovalev'],
  ['Козлов', 'コズロフ', 'Kozlov'],
  ['Лебедев', 'レベデフ', 'Lebedev'],
  ['Морозов', 'モロゾフ', 'Morozov'],
  ['Новиков', 'ノヴィコフ', 'Novikov'],
  ['Орлов', 'オルロフ', 'Orlov'],
  ['Павлов', 'パヴロフ', 'Pavlov'],
  ['Семенов', 'セミョーノフ', 'Semenov'],
  ['Соколов', 'ソコロフ', 'Sokolov'],
  ['Тихонов', 'チーホノフ', 'Tikhonov'],
  ['Фролов', 'フロロフ', 'Frolov'],
  ['Чернов', 'チェルノフ', 'Chernov'],
  ['Быков', 'ブイコフ', 'Bykov'],
];

export const japaneseFamily: readonly Trilingual[] = [
  ['Сато', '佐藤', 'Sato'],
  ['Судзуки', '鈴木', 'Suzuki'],
  ['Такахаси', '高橋', 'Takahashi'],
  ['Танака', '田中', 'Tanaka'],
  ['Ватанабэ', '渡辺', 'Watanabe'],
  ['Ито', '伊藤', 'Ito'],
  ['Ямамото', '山本', 'Yamamoto'],
  ['Накамура', '中村', 'Nakamura'],
  ['Кобаяси', '小林', 'Kobayashi'],
  ['Като', '加藤', 'Kato'],
  ['Ёсида', '吉田', 'Yoshida'],
  ['Ямада', '山田', 'Yamada'],
  ['Сасаки', '佐々木', 'Sasaki'],
  ['Ямагути', '山口', 'Yamaguchi'],
  ['Мацумото', '松本', 'Matsumoto'],
  ['Иноуэ', '井上', 'Inoue'],
  ['Кимура', '木村', 'Kimura'],
  ['Хаяси', '林', 'Hayashi'],
  ['Симидзу', '清水', 'Shimizu'],
  ['Мори', '森', 'Mori'],
];

export const japaneseGiven: readonly Trilingual[] = [
  ['Макото', '誠', 'Makoto'],
  ['Хироси', '浩', 'Hiroshi'],
  ['Кэн', '健', 'Ken'],
  ['Такаси', '隆', 'Takashi'],
  ['Акира', '明', 'Akira'],
  ['Осаму', '修', 'Osamu'],
  ['Дайсукэ', '大輔', 'Daisuke'],
  ['Наоки', '直樹', 'Naoki'],
  ['Кадзуо', '和夫', 'Kazuo'],
  ['Тадаси', '正', 'Tadashi'],
  ['Сатоси', '聡', 'Satoshi'],
  ['Юко', '裕子', 'Yuko'],
  ['Кэйко', '恵子', 'Keiko'],
  ['Ёко', '陽子', 'Yoko'],
  ['Наоко', '直子', 'Naoko'],
  ['Михо', '美穂', 'Miho'],
  ['Цуёси', '剛', 'Tsuyoshi'],
  ['Сигэру', '茂', 'Shigeru'],
  ['Такуя', '拓也', 'Takuya'],
  ['Сё', '翔', 'Sho'],
];

/** Cities: where meetings take place. */
export const places: readonly Trilingual[] = [
  ['Токио', '東京', 'Tokyo'],
  ['Москва', 'モスクワ', 'Moscow'],
  ['Осака', '大阪', 'Osaka'],
  ['Владивосток', 'ウラジオストク', 'Vladivostok'],
  ['Санкт-Петербург', 'サンクトペテルブルク', 'Saint Petersburg'],
  ['Киото', '京都', 'Kyoto'],
  ['Саппоро', '札幌', 'Sapporo'],
  ['Хабаровск', 'ハバロフスク', 'Khabarovsk'],
  ['Новосибирск', 'ノヴォシビルスク', 'Novosibirsk'],
  ['Пекин', '北京', 'Beijing'],
  ['Сеул', 'ソウル', 'Seoul'],
  ['Нью-Йорк', 'ニューヨーク', 'New York'],
  ['Женева', 'ジュネーブ', 'Geneva'],
  ['Вена', 'ウィーン', 'Vienna'],
  ['Париж', 'パリ', 'Paris'],
  ['Берлин', 'ベルリン', 'Berlin'],
  ['Вашингтон', 'ワシントン', 'Washington'],
  ['Дели', 'デリー', 'Delhi'],
  ['Джакарта', 'ジャカルタ', 'Jakarta'],
  ['Ханой', 'ハノイ', 'Hanoi'],
  ['Бангкок', 'バンコク', 'Bangkok'],
  ['Сингапур', 'シンガポール', 'Singapore'],
  ['Манила', 'マニラ', 'Manila'],
  ['Канберра', 'キャンベラ', 'Canberra'],
  ['Улан-Батор', 'ウランバートル', 'Ulaanbaatar'],
  ['Астана', 'アスタナ', 'Astana'],
  ['Ташкент', 'タシケント', 'Tashkent'],
  ['Хельсинки', 'ヘルシンキ', 'Helsinki'],
  ['Стокгольм', 'ストックホルム', 'Stockholm'],
  ['Рим', 'ローマ', 'Rome'],
  ['Мадрид', 'マドリード', 'Madrid'],
  ['Каир', 'カイロ', 'Cairo'],
  ['Анкара', 'アンカラ', 'Ankara'],
  ['Нагоя', '名古屋', 'Nagoya'],
  ['Фукуока', '福岡', 'Fukuoka'],
  ['Иркутск', 'イルクーツク', 'Irkutsk'],
];

/** States, the Russian in the genitive (Министерство обороны Японии), for the names of ministries. */
export const states: readonly (readonly [slug: string, ruGenitive: string, ja: string, en: string])[] = [
  ['japan', 'Японии', '日本国', 'Japan'],
  ['russia', 'России', 'ロシア', 'Russia'],
  ['china', 'Китая', '中国', 'China'],
  ['korea', 'Республики Корея', '韓国', 'the Republic of Korea'],
  ['mongolia', 'Монголии', 'モンゴル', 'Mongolia'],
  ['india', 'Индии', 'インド', 'India'],
  ['vietnam', 'Вьетнама', 'ベトナム', 'Viet Nam'],
  ['indonesia', 'Индонезии', 'インドネシア', 'Indonesia'],
  ['france', 'Франции', 'フランス', 'France'],
  ['germany', 'Германии', 'ドイツ', 'Germany'],
  ['finland', 'Финляндии', 'フィンランド', 'Finland'],
  ['kazakhstan', 'Казахстана', 'カザフスタン', 'Kazakhstan'],
];

/** Ministries: Russian and English before the state's name, Japanese after it. */
export const ministries: readonly (readonly [slug: string, ru: string, ja: string, en: string])[] = [
  ['mfa', 'Министерство иностранных дел', '外務省', 'Ministry of Foreign Affairs of'],
  ['defense', 'Министерство обороны', '国防省', 'Ministry of Defense of'],
  ['economy', 'Министерство экономического развития', '経済発展省', 'Ministry of Economic Development of'],
  ['energy', 'Министерство энергетики', 'エネルギー省', 'Ministry of Energy of'],
  ['justice', 'Министерство юстиции', '司法省', 'Ministry of Justice of'],
];

/** Topics (glossary concepts). The English is lower case: a name inside a sentence. */
export const topics: readonly Trilingual[] = [
  ['морская безопасность', '海洋安全保障', 'maritime security'],
  ['ядерное нераспространение', '核不拡散', 'nuclear non-proliferation'],
  ['борьба с терроризмом', 'テロ対策', 'counter-terrorism'],
  ['кибербезопасность', 'サイバーセキュリティ', 'cybersecurity'],
  ['энергетическое сотрудничество', 'エネルギー協力', 'energy cooperation'],
  ['изменение климата', '気候変動', 'climate change'],
  ['рыболовство', '漁業', 'fisheries'],
  ['торговля', '貿易', 'trade'],
  ['инвестиции', '投資', 'investment'],
  ['культурный обмен', '文化交流', 'cultural exchange'],
  ['образование', '教育', 'education'],
  ['здравоохранение', '保健', 'public health'],
  ['борьба с наркотиками', '麻薬対策', 'counter-narcotics'],
  ['предупреждение стихийных бедствий', '防災', 'disaster prevention'],
  ['поиск и спасание на море', '海上捜索救助', 'maritime search and rescue'],
  ['разоружение', '軍縮', 'disarmament'],
  ['экспортный контроль', '輸出管理', 'export control'],
  ['космическое сотрудничество', '宇宙協力', 'space cooperation'],
  ['транспорт', '運輸', 'transport'],
  ['сельское хозяйство', '農業', 'agriculture'],
  ['туризм', '観光', 'tourism'],
  ['миграция', '移住', 'migration'],
  ['права человека', '人権', 'human rights'],
  ['продовольственная безопасность', '食料安全保障', 'food security'],
  ['научно-техническое сотрудничество', '科学技術協力', 'science and technology cooperation'],
  ['военные учения', '軍事演習', 'military exercises'],
  ['пограничное сотрудничество', '国境協力', 'border cooperation'],
  ['региональная безопасность', '地域安全保障', 'regional security'],
  ['мирный договор', '平和条約', 'peace treaty'],
  ['экономическое сотрудничество', '経済協力', 'economic cooperation'],
  ['атомная энергетика', '原子力', 'nuclear energy'],
  ['охрана окружающей среды', '環境保護', 'environmental protection'],
  ['цифровая экономика', 'デジタル経済', 'digital economy'],
];

/** Month names: Russian in the genitive (30 мая), English for "May 30". */
export const monthsRu = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
export const monthsEn = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
