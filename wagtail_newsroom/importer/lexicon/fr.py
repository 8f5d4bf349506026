"""French."""

WORDS = {
    "months": {
        "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "mars": 3, "avril": 4,
        "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8,
        "septembre": 9, "sept": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11,
        "décembre": 12, "decembre": 12, "déc": 12, "fév": 2, "fevr": 2,
    },
    "weekdays": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "date_order": "dmy",
    "published_labels": [
        "publié le", "publié", "paru le", "paru", "mis en ligne le", "mis en ligne", "le",
    ],
    "updated_labels": [
        "mis à jour le", "mis à jour", "mise à jour le", "mise à jour", "dernière mise à jour",
        "actualisé le", "actualisé", "modifié le", "modifié",
    ],
    "relative_dates": ["aujourd'hui", "hier", "avant-hier", "il y a", "à l'instant"],
    # "Heure normale" is standard time and "heure avancée" summer time, whatever the date.
    "time_zones": {
        "HNE": "-05:00", "HAE": "-04:00", "HNC": "-06:00", "HAC": "-05:00",
        "HNP": "-08:00", "HAP": "-07:00", "HEC": "+01:00", "HAEC": "+02:00",
        "UTC": "+00:00", "GMT": "+00:00",
    },
    "byline_labels": [
        "par", "texte de", "propos recueillis par", "auteur", "auteure", "autrice",
    ],
    "byline_credits": {
        "avec": "contributor",
        "avec la collaboration de": "contributor",
        "avec la contribution de": "contributor",
        "édité par": "",
    },
    "conjunctions": ["et"],
    "name_particles": ["de", "du", "des", "d'", "le", "la"],
    "honorifics": ["m", "mme", "mlle", "me", "pr", "dr"],
    "name_titles": [
        "ministre", "président", "présidente", "maire", "député", "députée", "sénateur",
        "sénatrice", "porte-parole", "directeur", "directrice", "professeur", "juge",
    ],
    "not_names": [
        "le", "la", "les", "un", "une", "ce", "cette", "il", "elle", "ils", "elles", "nous",
        "mais", "et", "ou", "donc", "pour", "selon", "quand", "si", "même", "aussi",
    ],
    "role_words": [
        "journaliste", "rédacteur", "rédactrice", "correspondant", "correspondante",
        "envoyé spécial", "envoyée spéciale", "chroniqueur", "chroniqueuse", "rédaction",
        "éditorialiste", "photographe", "pigiste", "reporter", "presse",
    ],
    "speech_verbs": [
        "a dit", "dit", "a déclaré", "déclare", "a affirmé", "affirme", "a expliqué",
        "explique", "a ajouté", "ajoute", "a estimé", "estime", "a souligné", "souligne",
        "a précisé", "précise", "a indiqué", "indique", "selon", "a confié", "confie",
        "a assuré", "assure", "a reconnu", "reconnaît", "a averti", "avertit", "a lancé",
        "lance", "a répondu", "répond",
    ],
    "function_words": [
        "le", "la", "les", "un", "une", "des", "de", "du", "et", "ou", "à", "au", "aux", "en",
        "pour", "sur", "dans", "par", "avec",
    ],
    "place_prepositions": ["à", "au", "en", "pour", "depuis"],
    "location_prepositions": ["à", "au", "aux", "en", "dans", "depuis", "vers"],
    "role_prepositions": ["de", "du", "des"],
    "determiners": ["le", "la", "les", "l'", "un", "une", "son", "sa", "ses", "leur", "notre"],
    "copulas": ["est", "était"],
    "pronouns": {"il": "m", "elle": "f", "ils": "", "elles": ""},
    "relative_pronouns": ["qui", "que", "dont", "lequel", "laquelle"],
    "organisation_words": [
        "ministère", "société", "groupe", "conseil", "mairie", "association", "syndicat",
        "préfecture", "gouvernement", "parti", "sa", "sarl",
    ],
    "male_names": ["monsieur"],
    "female_names": ["mme", "mlle", "madame", "mademoiselle"],
}  # fmt: skip
