"""German."""

WORDS = {
    "months": {
        "januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feb": 2, "märz": 3, "maerz": 3,
        "mär": 3, "mrz": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7,
        "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "november": 11,
        "nov": 11, "dezember": 12, "dez": 12,
    },
    "weekdays": [
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend",
        "sonntag",
    ],
    "date_order": "dmy",
    "published_labels": [
        "veröffentlicht", "veröffentlicht am", "erschienen", "erschienen am", "erstellt am",
        "datum", "am", "stand",
    ],
    "updated_labels": [
        "aktualisiert", "aktualisiert am", "zuletzt aktualisiert", "zuletzt aktualisiert am",
        "geändert am", "zuletzt geändert",
    ],
    "relative_dates": ["heute", "gestern", "vorgestern", "vor", "soeben", "gerade eben"],
    "time_zones": {
        "MEZ": "+01:00", "MESZ": "+02:00", "CET": "+01:00", "CEST": "+02:00",
        "UTC": "+00:00", "GMT": "+00:00",
    },
    "byline_labels": ["von", "text von", "ein beitrag von", "autor", "autorin"],
    "byline_credits": {
        "mitarbeit": "contributor",
        "mit material von": "contributor",
        "unter mitarbeit von": "contributor",
        "redaktion": "",
    },
    "conjunctions": ["und"],
    "name_particles": ["von", "zu", "vom", "zum", "van", "der"],
    "honorifics": ["hr", "fr", "herr", "frau", "dr", "prof"],
    "name_titles": [
        "minister", "ministerin", "präsident", "präsidentin", "bürgermeister",
        "bürgermeisterin", "kanzler", "kanzlerin", "sprecher", "sprecherin", "direktor",
        "direktorin", "professor", "professorin", "richter", "richterin",
    ],
    "not_names": [
        "der", "die", "das", "ein", "eine", "er", "sie", "es", "wir", "aber", "und", "oder",
        "doch", "auch", "wenn", "als", "nach", "vor", "laut", "selbst", "noch",
    ],
    "role_words": [
        "redakteur", "redakteurin", "korrespondent", "korrespondentin", "reporter",
        "reporterin", "autor", "autorin", "redaktion", "journalist", "journalistin",
        "korrespondenten", "chefredakteur", "chefredakteurin", "fotograf", "fotografin", "presse",
    ],
    "speech_verbs": [
        "sagte", "sagt", "erklärte", "erklärt", "betonte", "betont", "fügte hinzu",
        "meinte", "meint", "sagte er", "sagte sie", "so", "laut", "berichtete", "berichtet",
        "warnte", "warnt", "kritisierte", "kritisiert", "forderte", "fordert", "räumte ein",
    ],
    "function_words": [
        "der", "die", "das", "ein", "eine", "und", "oder", "in", "im", "auf", "für", "mit",
        "von", "zu", "zum", "zur", "bei", "nach",
    ],
    "place_prepositions": ["in", "aus", "für"],
    "location_prepositions": ["in", "im", "aus", "nach", "bei", "seit"],
    "role_prepositions": ["von", "vom", "des"],
    "determiners": [
        "der", "die", "das", "den", "dem", "ein", "eine", "einer", "sein", "seine", "ihr",
        "ihre", "unser", "unsere",
    ],
    "copulas": ["ist", "war"],
    "pronouns": {"er": "m", "sie": "f"},
    "relative_pronouns": ["welcher", "welche", "dessen", "deren"],
    "organisation_words": [
        "ministerium", "gmbh", "ag", "verband", "stadtwerke", "gruppe", "verein", "regierung",
        "partei", "gewerkschaft", "stadtrat", "polizei",
    ],
    "male_names": ["herr"],
    "female_names": ["frau"],
}  # fmt: skip
