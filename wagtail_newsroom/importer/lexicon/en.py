"""English."""

from importlib.resources import files


def _given_names(sex: str) -> list[str]:
    lines = files(__package__).joinpath("given_names.tsv").read_text("utf-8").splitlines()
    return [line.split("\t")[0] for line in lines if line.endswith("\t" + sex)]


WORDS = {
    "months": {
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
        "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
        "nov": 11, "december": 12, "dec": 12,
    },
    "weekdays": [
        "monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu",
        "thurs", "friday", "fri", "saturday", "sat", "sunday", "sun", "weds",
    ],
    "date_order": "mdy",
    "published_labels": [
        "published", "first published", "originally published", "posted", "first posted",
        "published on", "posted on", "date", "on",
    ],
    "updated_labels": [
        "updated", "last updated", "modified", "last modified", "edited", "last edited",
        "revised", "last revised",
    ],
    "archive_date_labels": [
        "load", "loaded", "access", "accessed", "retrieved", "printed", "downloaded", "indexed",
        "archived",
    ],
    "relative_dates": ["ago", "today", "yesterday", "just now", "earlier today"],
    "time_zones": {
        "ET": "America/New_York", "EST": "-05:00", "EDT": "-04:00",
        "CT": "America/Chicago", "CST": "-06:00", "CDT": "-05:00",
        "MT": "America/Denver", "MST": "-07:00", "MDT": "-06:00",
        "PT": "America/Los_Angeles", "PST": "-08:00", "PDT": "-07:00",
        "AKST": "-09:00", "AKDT": "-08:00", "HST": "-10:00",
        "GMT": "+00:00", "UTC": "+00:00", "BST": "+01:00", "UK": "Europe/London",
        "WET": "+00:00", "WEST": "+01:00", "CET": "+01:00", "CEST": "+02:00",
        "EET": "+02:00", "EEST": "+03:00", "MSK": "+03:00",
        "IST": "+05:30", "SAST": "+02:00", "SGT": "+08:00", "HKT": "+08:00", "JST": "+09:00",
        "AEST": "+10:00", "AEDT": "+11:00", "ACST": "+09:30", "ACDT": "+10:30",
        "AWST": "+08:00", "NZST": "+12:00", "NZDT": "+13:00",
    },
    "byline_labels": [
        "by", "written by", "words by", "story by", "reporting by", "reported by", "report by",
        "text by", "byline", "author", "authors", "author of the article",
        "author of this article", "author of the story", "author of this story",
    ],
    "byline_credits": {
        "additional reporting by": "contributor",
        "with additional reporting by": "contributor",
        "with reporting by": "contributor",
        "contributing reporting by": "contributor",
        "writing by": "writer",
        "compiled by": "compiler",
        # Not authors: the byline ends here.
        "editing by": "",
        "edited by": "",
        "graphics by": "",
        "photos by": "",
    },
    "conjunctions": ["and", "&"],
    "name_particles": [
        "van", "von", "der", "den", "de", "da", "del", "della", "di", "du", "le", "la", "bin",
        "bint", "al", "el", "ibn", "ten", "ter", "dos", "das", "st.", "mac", "mc",
    ],
    "honorifics": [
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "rev",
        "fr", "sen", "rep", "gov", "lt", "gen", "col", "maj", "capt", "sgt", "adm", "cmdr",
        "pres", "supt", "insp", "det", "hon", "judge", "justice",
    ],
    "name_titles": [
        "assistant", "attorney", "general", "secretary", "senator", "senators", "sen",
        "representative", "rep", "congressman", "congresswoman", "president", "minister",
        "prime", "councilman", "councilwoman", "councillor", "cllr", "alderman", "mayor",
        "judge", "justice", "chief", "officer", "sergeant", "detective", "inspector",
        "superintendent", "director", "chairman", "chairwoman", "chair", "owner", "coach",
        "captain", "deputy", "governor", "commissioner", "sheriff", "pastor", "father", "bishop",
        "baroness", "battalion", "professor", "economist", "analyst", "spokesman", "spokeswoman",
        "spokesperson", "state", "district", "anchor", "co-anchor", "host", "ambassador",
        "speaker", "candidate", "nominee", "leader", "recorder", "clerk", "treasurer", "auditor",
        "assessor", "coroner", "registrar", "supervisor", "administrator", "comptroller",
    ],
    "not_names": [
        "the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his", "her",
        "my", "your", "it", "he", "she", "they", "we", "i", "you", "but", "and", "or", "nor",
        "so", "yet", "however", "in", "on", "at", "by", "from", "for", "with", "without", "as",
        "when", "while", "after", "before", "since", "because", "although", "though", "if",
        "unless", "until", "even", "still", "then", "now", "also", "only", "just", "both",
        "some", "many", "most", "several", "other", "another", "each", "every", "all", "no",
        "not", "like", "unlike", "meanwhile", "instead", "indeed", "perhaps", "asked",
        "prosecutors", "police", "officials", "democrats", "republicans", "according",
        "how", "what", "why", "where", "whether", "one",
        "here", "there",
    ],
    "role_words": [
        "reporter", "correspondent", "editor", "writer", "contributor", "columnist", "staff",
        "producer", "analyst", "commentator", "journalist", "bureau", "chief", "desk", "critic",
        "director", "photographer", "presenter", "assistant", "associate", "deputy", "senior",
        "executive", "managing", "manager", "intern", "freelance", "team", "news service", "press",
    ],
    "speech_verbs": [
        "said", "says", "say", "told", "tells", "added", "adds", "asked", "asks", "explained",
        "explains", "noted", "notes", "stated", "states", "declared", "announced", "announces",
        "argued", "argues", "claimed", "claims", "insisted", "insists", "warned", "warns",
        "wrote", "writes", "replied", "replies", "responded", "responds", "answered",
        "conceded", "concedes", "admitted", "admits", "acknowledged", "acknowledges",
        "agreed", "agrees", "continued", "continues", "recalled", "recalls", "remarked",
        "observed", "suggested", "suggests", "countered", "counters", "shot back", "quipped",
        "joked", "jokes", "shouted", "yelled", "whispered", "cried", "exclaimed", "urged",
        "urges", "pleaded", "vowed", "vows", "promised", "promises", "predicted", "predicts",
        "complained", "complains", "boasted", "boasts", "confirmed", "confirms", "denied",
        "denies", "emphasized", "emphasised", "stressed", "stresses", "pointed out",
        "points out", "went on", "goes on", "wondered", "wondered aloud", "mused", "tweeted",
        "posted", "testified", "recounted", "reiterated", "maintained", "contended",
        "cautioned", "lamented", "chimed in", "interjected", "concluded", "according to",
        "said in a statement", "wrote on twitter", "wrote on facebook", "told reporters",
        "told the", "said on", "says of", "reported", "reports", "assured", "assures",
        "concludes", "charged", "charges", "barked", "chanted", "reads", "read",
        "boomed", "declares", "retorted", "retorts", "beamed", "affirmed", "affirms",
        "gloated", "questioned", "reasoned", "opined", "elaborated", "commented", "comments",
        "snapped", "scoffed", "marveled", "marvelled", "griped", "texted", "emailed",
        "repeated", "thundered", "proclaimed", "proclaims", "demanded", "touted", "fumed",
        "grumbled", "speculated", "ranted", "riffed", "bragged", "teased", "asserted",
        "asserts", "contends", "maintains", "cautions", "recounts", "reiterates", "observes",
        "remarks", "laments", "shouts", "sighed", "laughed",
        # Participles lead into a quote: "writing: “...”", "saying, “...”".
        "saying", "writing", "adding", "noting", "asking", "telling", "arguing", "explaining",
        "insisting", "warning", "declaring", "replying", "responding", "tweeting",
    ],
    "function_words": [
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "with", "by", "and",
        "or", "but", "as", "is", "are", "was", "be", "vs", "after", "over", "into", "about",
        "how", "why", "what", "who", "where", "when",
    ],
    "place_prepositions": ["in", "for", "at"],
    "location_prepositions": [
        "in", "at", "from", "near", "across", "outside", "inside", "into", "through",
        "throughout", "on", "since", "during", "until", "around", "toward", "towards",
    ],
    "role_prepositions": ["of", "from", "at", "with"],
    "determiners": ["the", "a", "an", "another", "our", "their", "his", "her", "its", "one"],
    "copulas": ["is", "was", "are", "were"],
    "pronouns": {"he": "m", "she": "f", "they": ""},
    "relative_pronouns": ["who", "which", "whose", "that"],
    "organisation_words": [
        "institute", "authority", "ministry", "department", "police", "court", "government",
        "group", "inc", "ltd", "llc", "plc", "co", "corp", "corporation", "company", "council",
        "party", "agency", "office", "university", "college", "bank", "association",
        "committee", "news", "times", "post", "commission", "service", "board", "force", "army",
        "union", "house", "administration", "organisation", "organization", "centre", "center",
        "foundation", "press", "media", "network", "power", "water", "energy", "cross", "club",
        "school", "district", "hospital", "airport", "street", "road", "lane", "county", "city",
        "properties", "holdings", "partners", "capital", "industries", "systems", "ventures",
        "trust", "fund", "bureau", "federation", "coalition", "campaign", "alliance", "utilities",
        "review", "journal", "magazine", "tribune", "herald", "gazette", "radio", "television",
    ],
    # Titles and given names that are one sex's (tools/make_given_names.py): the "he" or
    # "she" that can mean them.
    "male_names": ["mr", "sir", "lord", *_given_names("m")],
    "female_names": ["mrs", "ms", "miss", "dame", "lady", *_given_names("f")],
}  # fmt: skip
