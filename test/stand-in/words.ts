/**
 * Hand-written vocabulary for the generated library. Real-world names on purpose: search must
 * handle diacritics (Beyoncé, Sigur Rós, Motörhead), CJK, Hangul, Cyrillic, Arabic and
 * punctuation inside names (AC/DC, P!nk, Guns N' Roses, "Tyler, The Creator").
 */

export type Language = 'en' | 'es' | 'fr' | 'de' | 'is' | 'pt' | 'ja' | 'ko' | 'zh' | 'ru' | 'uk' | 'ar';

export interface NamedArtist {
  name: string;
  language: Language;
  /** Their well-known songs; each is used once, so a library does not repeat them endlessly. */
  signatures: readonly string[];
}

export const NAMED_ARTISTS: readonly NamedArtist[] = [
  { name: 'Beyoncé', language: 'en', signatures: ['Crazy in Love', 'Halo', 'Formation'] },
  { name: 'Queen', language: 'en', signatures: ["Don't Stop Me Now", 'Bohemian Rhapsody', 'Somebody to Love'] },
  { name: 'AC/DC', language: 'en', signatures: ['Back In Black', 'Highway to Hell', 'T.N.T.'] },
  { name: 'Motörhead', language: 'en', signatures: ['Ace of Spades', 'Overkill'] },
  { name: "Guns N' Roses", language: 'en', signatures: ["Sweet Child O' Mine", 'Paradise City', 'November Rain'] },
  { name: 'P!nk', language: 'en', signatures: ['Get the Party Started', 'So What', 'Just Give Me a Reason'] },
  { name: 'Sigur Rós', language: 'is', signatures: ['Hoppípolla', 'Glósóli', 'Svefn-g-englar'] },
  { name: 'Céline Dion', language: 'fr', signatures: ['My Heart Will Go On', "Pour que tu m'aimes encore"] },
  { name: '宇多田ヒカル', language: 'ja', signatures: ['First Love', '花束を君に', 'One Last Kiss'] },
  { name: '坂本龍一', language: 'ja', signatures: ['Merry Christmas Mr. Lawrence', 'energy flow', '戦場のメリークリスマス'] },
  { name: '방탄소년단', language: 'ko', signatures: ['Dynamite', '봄날', '피 땀 눈물'] },
  { name: 'Кино', language: 'ru', signatures: ['Группа крови', 'Звезда по имени Солнце', 'Кукушка'] },
  { name: 'Земфира', language: 'ru', signatures: ['Хочешь?', 'Искала', 'Ариведерчи'] },
  { name: 'Mötley Crüe', language: 'en', signatures: ['Kickstart My Heart'] },
  { name: 'Ke$ha', language: 'en', signatures: ['TiK ToK'] },
  { name: 'Panic! At The Disco', language: 'en', signatures: ['High Hopes'] },
  { name: 'Florence + The Machine', language: 'en', signatures: ['Dog Days Are Over'] },
  { name: 'Simon & Garfunkel', language: 'en', signatures: ['The Sound of Silence', 'Mrs. Robinson'] },
  { name: 'Earth, Wind & Fire', language: 'en', signatures: ['September'] },
  { name: 'Tyler, The Creator', language: 'en', signatures: ['EARFQUAKE'] },
  { name: 'Daft Punk', language: 'en', signatures: ['Harder, Better, Faster, Stronger', 'One More Time'] },
  { name: 'Radiohead', language: 'en', signatures: ['Creep', 'Karma Police'] },
  { name: 'The Beatles', language: 'en', signatures: ['Hey Jude', 'Let It Be'] },
  { name: 'Kendrick Lamar', language: 'en', signatures: ['HUMBLE.'] },
  { name: 'Dua Lipa', language: 'en', signatures: ['Levitating'] },
  { name: 'Sade', language: 'en', signatures: ['Smooth Operator'] },
  { name: 'Nirvana', language: 'en', signatures: ['Smells Like Teen Spirit'] },
  { name: 'Fleetwood Mac', language: 'en', signatures: ['Dreams'] },
  { name: 'Björk', language: 'en', signatures: ['Army of Me', 'Jóga', 'Hyperballad'] },
  { name: 'Röyksopp', language: 'en', signatures: ['Eple'] },
  { name: 'Robyn', language: 'en', signatures: ['Dancing On My Own'] },
  { name: 'ABBA', language: 'en', signatures: ['Dancing Queen', 'Mamma Mia'] },
  { name: 'MØ', language: 'en', signatures: ['Final Song'] },
  { name: 'Måneskin', language: 'en', signatures: ["Beggin'"] },
  { name: 'Of Monsters and Men', language: 'en', signatures: ['Little Talks'] },
  { name: 'Édith Piaf', language: 'fr', signatures: ['La Vie en rose', 'Non, je ne regrette rien'] },
  { name: 'Stromae', language: 'fr', signatures: ['Papaoutai', 'Alors on danse'] },
  { name: 'Zaz', language: 'fr', signatures: ['Je veux'] },
  { name: 'Rosalía', language: 'es', signatures: ['MALAMENTE', 'DESPECHÁ'] },
  { name: 'Bad Bunny', language: 'es', signatures: ['Tití Me Preguntó', 'DÁKITI'] },
  { name: 'Natalia Lafourcade', language: 'es', signatures: ['Hasta la Raíz'] },
  { name: 'Mon Laferte', language: 'es', signatures: ['Tu Falta de Querer'] },
  { name: 'Caetano Veloso', language: 'pt', signatures: ['Sozinho', 'Leãozinho'] },
  { name: 'João Gilberto', language: 'pt', signatures: ['Chega de Saudade'] },
  { name: 'Elis Regina', language: 'pt', signatures: ['Águas de Março'] },
  { name: 'Kraftwerk', language: 'de', signatures: ['Das Model', 'Autobahn'] },
  { name: 'Herbert Grönemeyer', language: 'de', signatures: ['Männer'] },
  { name: 'Die Ärzte', language: 'de', signatures: ['Schrei nach Liebe'] },
  { name: 'Rammstein', language: 'de', signatures: ['Du hast', 'Sonne'] },
  { name: 'Ásgeir', language: 'is', signatures: ['Dýrð í dauðaþögn'] },
  { name: 'Ólafur Arnalds', language: 'is', signatures: ['Þú ert sólin'] },
  { name: '米津玄師', language: 'ja', signatures: ['Lemon', 'KICK BACK'] },
  { name: 'YOASOBI', language: 'ja', signatures: ['夜に駆ける', 'アイドル'] },
  { name: '椎名林檎', language: 'ja', signatures: ['丸の内サディスティック'] },
  { name: '久石譲', language: 'ja', signatures: ['Summer', 'あの夏へ'] },
  { name: 'Official髭男dism', language: 'ja', signatures: ['Pretender'] },
  { name: '아이유', language: 'ko', signatures: ['좋은 날', 'Blueming'] },
  { name: 'BLACKPINK', language: 'ko', signatures: ['뚜두뚜두 (DDU-DU DDU-DU)'] },
  { name: 'NewJeans', language: 'ko', signatures: ['Hype Boy', 'Ditto'] },
  { name: '周杰倫', language: 'zh', signatures: ['晴天', '稻香'] },
  { name: '王菲', language: 'zh', signatures: ['紅豆'] },
  { name: '陳奕迅', language: 'zh', signatures: ['十年'] },
  { name: 'Сплин', language: 'ru', signatures: ['Выхода нет'] },
  { name: 'ДДТ', language: 'ru', signatures: ['Что такое осень'] },
  { name: 'Мумий Тролль', language: 'ru', signatures: ['Утекай'] },
  { name: 'Би-2', language: 'ru', signatures: ['Полковнику никто не пишет'] },
  { name: 'Океан Ельзи', language: 'uk', signatures: ['Обійми', 'Без бою'] },
  { name: 'فيروز', language: 'ar', signatures: ['كيفك إنت', 'نسم علينا الهوى'] },
];

/** Titles are `join(first, second)` or one of `singles`; enough combinations for 100k tracks. */
export interface TitleVocabulary {
  first: readonly string[];
  second: readonly string[];
  join: (first: string, second: string) => string;
  singles: readonly string[];
}

const spaced = (first: string, second: string): string => `${first} ${second}`;
const joined = (first: string, second: string): string => `${first}${second}`;

export const TITLE_WORDS: Readonly<Record<Language, TitleVocabulary>> = {
  en: {
    first: [
      'Golden',
      'Midnight',
      'Electric',
      'Broken',
      'Silver',
      'Wild',
      'Quiet',
      'Neon',
      'Paper',
      'Velvet',
      'Crimson',
      'Lonely',
      'Summer',
      'Endless',
      'Hollow',
      'Bright',
      'Sweet',
      'Cold',
      'Burning',
      'Little',
    ],
    second: [
      'Heart',
      'River',
      'Dreams',
      'Lights',
      'Highway',
      'Rain',
      'Fire',
      'Ocean',
      'Sky',
      'City',
      'Roses',
      'Echo',
      'Thunder',
      'Garden',
      'Mirror',
      'Shadows',
      'Stars',
      'Waves',
      'Road',
      'Love',
    ],
    join: spaced,
    singles: [
      "Don't Let Go",
      'Hold On',
      'Run Away',
      'Say It Again',
      'Tonight',
      'Come Home',
      'Stay',
      'Falling',
      "I'm Not Sorry",
      'Everything Now',
      "Rock 'n' Roll Weekend",
      '22',
      'Kids (Again)',
      'Yes/No',
      'Hello?',
    ],
  },
  es: {
    first: ['Corazón', 'Noche', 'Canción', 'Luna', 'Fuego', 'Mar', 'Sueño', 'Camino', 'Ciudad', 'Lágrimas'],
    second: ['de Fuego', 'de Luna', 'de Verano', 'sin Fin', 'del Sur', 'de Papel', 'en la Piel', 'de Cristal'],
    join: spaced,
    singles: ['Mañana', 'Bésame', 'Te Quiero', 'Adiós', 'Olé', 'Quizás', 'Corazón', 'Señorita'],
  },
  fr: {
    first: ['Cœur', 'Rêve', 'Nuit', 'Lumière', 'Étoile', 'Chanson', 'Été', 'Voyage', 'Ciel', 'Fenêtre'],
    second: ["d'été", 'de Paris', "d'hiver", 'sans fin', 'à deux', 'du soir', 'de minuit', 'sur la mer'],
    join: spaced,
    singles: ['Ça ira', 'Là-bas', 'Où es-tu ?', 'Déjà vu', 'Je t’aime', 'Mélancolie', 'Garçon'],
  },
  de: {
    first: ['Herz', 'Nacht', 'Traum', 'Licht', 'Straße', 'Himmel', 'Stadt', 'Sommer', 'Wolke', 'Mädchen'],
    second: ['aus Glas', 'ohne Ende', 'über Berlin', 'im Regen', 'der Stille', 'für immer', 'am Meer'],
    join: spaced,
    singles: ['Über den Wolken', 'Träume', 'Übermorgen', 'Grüße', 'Schön', 'Weiß', 'Größenwahn'],
  },
  is: {
    first: ['Hjarta', 'Ljós', 'Nótt', 'Sól', 'Vindur', 'Haf', 'Draumur', 'Snjór'],
    second: ['í myrkri', 'á vetri', 'án enda', 'við hafið', 'í dögun'],
    join: spaced,
    singles: ['Sæla', 'Ró', 'Ágætis byrjun', 'Þögn', 'Fljótavík', 'Glósóli'],
  },
  pt: {
    first: ['Coração', 'Canção', 'Manhã', 'Saudade', 'Céu', 'Mar', 'Noite', 'Lua'],
    second: ['de Verão', 'sem Fim', 'do Rio', 'de Papel', 'em Flor', 'de São João'],
    join: spaced,
    singles: ['Saudade', 'Você', 'Chão de Giz', 'Ilusão', 'Maçã', 'Pôr do Sol'],
  },
  ja: {
    first: ['夜明け', '花火', '桜', '東京', '夢', '月', '雨', '星空', '海', '夏'],
    second: ['の歌', 'のワルツ', 'の約束', '物語', 'ラプソディー', 'の向こう', '色'],
    join: joined,
    singles: ['ありがとう', 'さよなら', 'ラブソング', 'メロディー', 'きらきら', 'ＳＵＮＳＨＩＮＥ'],
  },
  ko: {
    first: ['봄날', '사랑', '하늘', '별', '꿈', '바다', '밤', '너'],
    second: ['의 노래', '처럼', ' 이야기', '속으로', '의 끝'],
    join: joined,
    singles: ['안녕', '고마워', '다시 만나', '첫눈', '우리'],
  },
  zh: {
    first: ['晴天', '月亮', '夜曲', '星星', '城市', '彩虹', '夏天', '遠方'],
    second: ['的歌', '之夜', '物語', '的約定', '之後'],
    join: joined,
    singles: ['愛', '光年之外', '後來', '小幸運'],
  },
  ru: {
    first: ['Звезда', 'Ночь', 'Весна', 'Осень', 'Река', 'Песня', 'Дорога', 'Зима'],
    second: ['над городом', 'без тебя', 'в огне', 'на краю', 'до утра'],
    join: spaced,
    singles: ['Прощание', 'Город', 'Небо', 'Тишина', 'Ёлка'],
  },
  uk: {
    first: ['Пісня', 'Ніч', 'Весна', 'Зоря', 'Ріка'],
    second: ['без тебе', 'над містом', 'до ранку'],
    join: spaced,
    singles: ['Човен', 'Квітка', 'Стіна', 'Їжак'],
  },
  ar: {
    first: ['ليل', 'قمر', 'بحر', 'حب', 'شمس'],
    second: ['الصيف', 'بيروت', 'الحنين', 'الشتاء'],
    join: spaced,
    singles: ['يا حبيبي', 'شادي', 'زهرة'],
  },
};

/** Made-up artists, to reach a realistic number of artists in big libraries. */
export const FIRST_NAMES = [
  'Maya',
  'Jonas',
  'Léa',
  'Søren',
  'Zoë',
  'Nils',
  'Chloé',
  'Mateo',
  'Ingrid',
  'Amélie',
  'Björn',
  'Renée',
  'Noor',
  'Kenji',
  'Yuna',
  'Ana',
  'Lukas',
  'Inès',
  'Oskar',
  'Freya',
];
export const LAST_NAMES = [
  'Lindqvist',
  'Moreau',
  'Okafor',
  'Nakamura',
  'Fernández',
  'Novak',
  'Kowalski',
  'Müller',
  'Haddad',
  "O'Brien",
  'Dubois',
  'Sánchez',
  'Åberg',
  'Ferreira',
  'Kim',
  'Rossi',
];
export const BAND_NOUNS = ['Foxes', 'Wolves', 'Lanterns', 'Harbors', 'Satellites', 'Machines', 'Pilots', 'Sparrows', 'Tigers', 'Ghosts', 'Rivers', 'Echoes'];

export const LIVE_VENUES = ['Wembley', 'the Budokan', 'Red Rocks', "l'Olympia", 'Montreux', 'the BBC', 'Harpa'];
