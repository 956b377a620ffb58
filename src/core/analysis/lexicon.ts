/** Word lists the attribution rules rely on. Lower-case throughout. */

export const PRONOUNS: Readonly<Record<string, 'm' | 'f' | 'plural' | 'first'>> = {
  he: 'm', she: 'f', they: 'plural', we: 'first', i: 'first',
};

/** Words that make up titles and roles before a name: `Secretary of State`, `Sen.`, `UK Foreign`. */
export const TITLE_WORDS = new Set([
  'secretary', 'state', 'of', 'foreign', 'minister', 'prime', 'president', 'vice', 'sen', 'senator',
  'rep', 'representative', 'gov', 'governor', 'mayor', 'mr', 'mrs', 'ms', 'miss', 'dr', 'prof',
  'professor', 'gen', 'general', 'lt', 'col', 'colonel', 'adm', 'admiral', 'sgt', 'capt', 'captain',
  'chancellor', 'chairman', 'chairwoman', 'chair', 'chief', 'director', 'spokesman', 'spokeswoman',
  'spokesperson', 'speaker', 'leader', 'majority', 'minority', 'house', 'senate', 'defense',
  'defence', 'homeland', 'security', 'attorney', 'justice', 'judge', 'ambassador', 'envoy',
  'commissioner', 'king', 'queen', 'prince', 'princess', 'pope', 'rev', 'reverend', 'former',
  'deputy', 'assistant', 'acting', 'interim', 'press', 'campaign', 'manager', 'adviser', 'advisor',
  'candidate', 'nominee', 'presidential', 'democratic', 'republican', 'gop', 'democrat', 'u.s',
  'us', 'uk', 'british', 'french', 'german', 'russian', 'iraqi', 'syrian', 'turkish', 'eu',
  'national', 'federal', 'policy', 'affairs', 'interior', 'finance', 'treasury', 'officer',
  'sheriff', 'police', 'commander', 'lord', 'sir', 'dame', 'cardinal', 'bishop', 'rabbi', 'imam',
  'executive', 'ceo', 'founder', 'co-founder', 'head', 'top', 'white', 'sec', 'atty', 'supt',
  'premier', 'first', 'lady', 'congressman', 'congresswoman', 'councilman', 'councilwoman',
  'del', 'assemblyman', 'assemblywoman', 'lawmaker', 'strategist', 'pollster', 'analyst',
]);

/** Words that head institutions' names, which stay whole and are nobody's `he` or `she`: `Bank of England`. */
export const INSTITUTION_HEADS = new Set([
  'bank', 'university', 'institute', 'institution', 'department', 'ministry', 'council', 'college', 'school',
  'church', 'board', 'office', 'association', 'society', 'federation', 'league', 'union', 'party', 'court',
  'museum', 'city', 'republic', 'kingdom', 'chamber', 'academy',
  'center', 'centre', 'foundation', 'bureau', 'commission', 'committee', 'hospital', 'port', 'friends',
  'daughters', 'sons', 'sisters', 'brothers', 'knights', 'people', 'army', 'navy', 'corps', 'government',
]);

/** Heads of descriptions that stand for a person: `the official`, `the UK secretary`. */
export const ROLE_NOUNS = new Set([
  'official', 'officials', 'secretary', 'minister', 'president', 'senator', 'congressman',
  'congresswoman', 'lawmaker', 'lawmakers', 'governor', 'mayor', 'spokesman', 'spokeswoman',
  'spokesperson', 'candidate', 'nominee', 'leader', 'chairman', 'chairwoman', 'director', 'chief',
  'ambassador', 'envoy', 'diplomat', 'diplomats', 'adviser', 'advisers', 'advisor', 'aide', 'aides',
  'source', 'sources', 'statement', 'report', 'analyst', 'analysts', 'expert', 'experts', 'critic',
  'critics', 'supporter', 'supporters', 'businessman', 'businesswoman', 'billionaire', 'mogul',
  'democrat', 'democrats', 'republican', 'republicans', 'campaign', 'administration', 'agency',
  'department', 'ministry', 'government', 'group', 'organization', 'company', 'firm', 'paper',
  'newspaper', 'network', 'website', 'outlet', 'magazine', 'study', 'survey', 'poll', 'judge',
  'email', 'lawsuit', 'letter', 'memo', 'ad', 'ads', 'complaint', 'filing', 'tweet', 'release',
  'editorial', 'article', 'story', 'book', 'document', 'indictment', 'ruling', 'platform', 'petition', 'account', 'headline',
  'crowd', 'audience', 'office', 'team', 'staff', 'spokesperson', 'press', 'times', 'post',
  'publication', 'percent', 'respondents', 'participants', 'organizers', 'attendees', 'delegates', 'policymakers',
  'militant', 'militants', 'gunman', 'soldier', 'soldiers', 'fighter', 'fighters', 'person', 'tycoon', 'neurosurgeon', 'surgeon', 'pair', 'couple', 'two', 'hopeful', 'hopefuls',
  'nominee', 'frontrunner', 'front-runner', 'contender', 'politician', 'politicians', 'official',
  'spokesmen', 'spokeswomen', 'ally', 'allies', 'donor', 'donors', 'lawmaker', 'mayor', 'sheriff',
  'chief', 'head', 'owner', 'candidate', 'entrepreneur', 'mogul', 'celebrity', 'personality',
  'prosecutor', 'prosecutors', 'attorney', 'lawyer', 'lawyers', 'investigators', 'police',
  'officer', 'officers', 'commander', 'general', 'colonel', 'woman', 'man', 'father', 'mother',
  'son', 'daughter', 'wife', 'husband', 'resident', 'residents', 'voter', 'voters', 'student',
  'students', 'protester', 'protesters', 'witness', 'witnesses', 'victim', 'doctor', 'professor',
  'researcher', 'researchers', 'author', 'writer', 'columnist', 'reporter', 'host', 'anchor',
  'strategist', 'pollster', 'speaker', 'premier', 'chancellor', 'king', 'queen', 'pope', 'rival',
  'opponent', 'challenger', 'incumbent', 'businessman', 'manager', 'founder', 'executive', 'ceo',
  'representative', 'delegate', 'activist', 'activists', 'organizer', 'member', 'members',
  'veteran', 'economist', 'economists', 'scientist', 'scientists', 'coach', 'player', 'star',
  'actor', 'actress', 'singer', 'host', 'commentator', 'pundit', 'blogger', 'editor', 'board',
  'committee', 'council', 'court', 'senate', 'house', 'white', 'military', 'army', 'ministers',
  'leaders', 'people', 'man', 'men', 'women', 'friend', 'friends', 'colleague', 'colleagues',
  'staffer', 'staffers', 'insider', 'insiders', 'observer', 'observers', 'nominees', 'candidates',
  'democrat', 'senators', 'governors', 'mayors', 'secretaries', 'presidents', 'rep', 'sen',
]);

/** Determiners that open a description. */
export const DETERMINERS = new Set([
  'the', 'a', 'an', 'this', 'another', 'one', 'his', 'her', 'their', 'its', 'our', 'some',
  'several', 'two', 'three', 'many', 'other', 'both', 'these', 'those', 'two', 'several',
]);

/**
 * Determiners that also stand alone for people (`another said`, `the two write`, `a mother of
 * three replied`), singular and plural: a cue word after one is a verb unless it is a noun of the
 * right number (`another tweet`, `two calls`).
 */
export const SINGULAR_QUANTIFIERS = new Set(['one', 'another']);
export const PLURAL_QUANTIFIERS = new Set(['two', 'three', 'several', 'many', 'both', 'some']);

/** Words that stand alone for people as a cue's subject: `another said`, `Others shouted`, `tweeted another`. */
export const STANDING_FOR_PEOPLE = new Set(['another', 'others', 'some', 'many', 'most', 'several', 'someone', 'somebody']);

/** Capitalised words that open sentences without being names. */
export const NOT_NAMES = new Set([
  'the', 'but', 'and', 'or', 'so', 'yet', 'however', 'still', 'then', 'now', 'also', 'when',
  'while', 'after', 'before', 'in', 'on', 'at', 'as', 'asked', 'speaking', 'meanwhile', 'earlier',
  'later', 'last', 'today', 'yesterday', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday',
  'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july',
  'august', 'september', 'october', 'november', 'december', 'it', 'this', 'that', 'there', 'here',
  'if', 'because', 'although', 'though', 'since', 'for', 'with', 'without', 'from', 'to', 'by',
  'of', 'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'my', 'a', 'an',
  'instead', 'indeed', 'later', 'finally', 'first', 'second', 'third', 'next', 'moreover',
  'nevertheless', 'nonetheless', 'thus', 'therefore', 'even', 'only', 'just', 'not', 'no', 'yes',
  'what', 'who', 'why', 'how', 'where', 'which', 'all', 'some', 'many', 'most', 'both', 'each',
  'every', 'these', 'those', 'such', 'again', 'once', 'twice', 'mr', 'mrs', 'ms',
  'maybe', 'perhaps', 'hours', 'days', 'weeks', 'months', 'years', 'minutes', 'moments', 'others',
  'one', 'two', 'three', 'several', 'few', 'none', 'nobody', 'everyone', 'someone', 'anyone', 'people',
  'americans', 'voters', 'democrats', 'republicans', 'officials', 'critics', 'supporters', 'experts',
  'polls', 'pollsters', 'analysts', 'sources', 'reporters', 'residents', 'they', 'it', 'its',
  'according', 'despite', 'during', 'among', 'until', 'unlike', 'like', 'amid', 'through', 'upon',
  'whether', 'whatever', 'however', 'otherwise', 'recently', 'previously', 'currently', 'already',
  'ultimately', 'eventually', 'apparently', 'clearly', 'obviously', 'certainly', 'sometimes', 'often',
  'asked', 'told', 'said', 'says', 'adding', 'noting', 'speaking', 'writing', 'talking', 'according',
  'here', 'there', 'why', 'so', 'too', 'well', 'oh', 'ok', 'okay', 'sure', 'thanks', 'please',
  'likewise', 'similarly', 'additionally', 'furthermore', 'specifically', 'separately', 'notably',
  'outside', 'inside', 'it’s', "it's", 'that’s', "that's", 'there’s', "there's", 'here’s', "here's", 'what’s', "what's", 'let’s', "let's",
]);

/** Words that may sit between a subject and its cue verb: `Kerry also said`, `he has long said`. */
export const BETWEEN_SUBJECT_AND_CUE = new Set([
  'also', 'later', 'then', 'again', 'once', 'further', 'previously', 'repeatedly', 'recently',
  'has', 'have', 'had', 'was', 'is', 'were', 'are', 'would', 'will', 'could', 'did', 'does', 'do',
  'has', 'long', 'often', 'never', 'already', 'earlier', 'first', 'since', 'even', 'just', 'still',
  'quickly', 'reportedly', 'separately', 'publicly', 'privately', 'flatly', 'simply', 'not',
  'frequently', 'subsequently', 'eventually', 'finally', 'initially', 'originally', 'always',
  'sometimes', 'immediately', 'had', 'may', 'might', 'should', 'can', 'been', 'be', 'being',
  'who', 'heard', // `a reporter can be heard asking`
]);

const MALE_NAMES = 'john james robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis barack bernie ted marco mitch chuck mike jeb rand ben newt rudy reince rick bill al dick rex vladimir bashar recep francois emmanuel nicolas boris tony gordon david angus nigel ahmet abdullah haider hassan mohammed muhammad ali omar ashraf benjamin binyamin ehud shimon jim tim tom bob ron rob dan steve jeff greg ken chris pat newt lindsey jared eric corey kellyanne'.split(' ');
const FEMALE_NAMES = 'mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa margaret betty sandra ashley dorothy kimberly emily donna michelle carol amanda melissa deborah stephanie rebecca laura sharon cynthia kathleen amy shirley angela helen anna brenda pamela nicole samantha katherine emma ruth christine catherine debra rachel carolyn janet virginia maria heather diane julie joyce victoria kelly christina joan evelyn lauren judith olivia frances martha cheryl megan andrea hannah jacqueline ann jean alice kathryn gloria teresa doris sara janice julia marie madison grace judy theresa beverly denise marilyn amber danielle abigail brittany rose diana natalie sophia alexis lori kayla jane hillary huma kellyanne ivanka melania michelle elizabeth nancy federica angela theresa marine hope sarah condoleezza madeleine samantha susan valerie loretta janet dianne kamala tulsi carly nikki sheryl debbie maxine jill chelsea ruth sonia elena'.split(' ');

export const FIRST_NAME_GENDER: ReadonlyMap<string, 'm' | 'f'> = new Map([
  ...MALE_NAMES.map(n => [n, 'm'] as const),
  ...FEMALE_NAMES.map(n => [n, 'f'] as const),
]);

export const HONORIFIC_GENDER: Readonly<Record<string, 'm' | 'f'>> = {
  mr: 'm', mrs: 'f', ms: 'f', miss: 'f', sir: 'm', lord: 'm', dame: 'f', king: 'm', queen: 'f',
  prince: 'm', princess: 'f', spokesman: 'm', spokeswoman: 'f', congressman: 'm',
  congresswoman: 'f', chairman: 'm', chairwoman: 'f',
};

/** Heads of indefinite descriptions that bring a new person into an article: `a militant`. */
export const PERSON_NOUNS: readonly string[] = [
  'man', 'woman', 'boy', 'girl', 'militant', 'gunman', 'soldier', 'fighter', 'officer', 'official',
  'spokesman', 'spokeswoman', 'spokesperson', 'resident', 'witness', 'student', 'teacher', 'doctor',
  'nurse', 'lawyer', 'attorney', 'prosecutor', 'judge', 'voter', 'supporter', 'protester', 'activist',
  'reporter', 'journalist', 'diplomat', 'aide', 'adviser', 'source', 'veteran', 'worker', 'farmer',
  'businessman', 'businesswoman', 'candidate', 'lawmaker', 'senator', 'congressman', 'congresswoman',
  'father', 'mother', 'son', 'daughter', 'husband', 'wife', 'friend', 'neighbor', 'neighbour', 'member',
  'leader', 'commander', 'analyst', 'expert', 'economist', 'scientist', 'researcher', 'professor',
  'priest', 'pastor', 'imam', 'rabbi', 'refugee', 'migrant', 'victim', 'survivor', 'driver', 'owner',
  'employee', 'staffer', 'parent', 'citizen', 'immigrant', 'guard', 'fan', 'guest', 'patient', 'customer',
];
