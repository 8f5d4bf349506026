"""Spanish."""

WORDS = {
    "months": {
        "enero": 1, "ene": 1, "febrero": 2, "feb": 2, "marzo": 3, "mar": 3, "abril": 4,
        "abr": 4, "mayo": 5, "may": 5, "junio": 6, "jun": 6, "julio": 7, "jul": 7, "agosto": 8,
        "ago": 8, "septiembre": 9, "setiembre": 9, "sept": 9, "sep": 9, "octubre": 10,
        "oct": 10, "noviembre": 11, "nov": 11, "diciembre": 12, "dic": 12,
    },
    "weekdays": ["lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado",
                 "sabado", "domingo"],
    "date_order": "dmy",
    "published_labels": [
        "publicado", "publicado el", "publicado en", "fecha", "fecha de publicación",
    ],
    "updated_labels": [
        "actualizado", "actualizado el", "actualizado a las", "última actualización",
        "modificado", "modificado el",
    ],
    "relative_dates": ["hoy", "ayer", "anteayer", "hace"],
    "time_zones": {
        "CET": "+01:00", "CEST": "+02:00", "UTC": "+00:00", "GMT": "+00:00",
        "ART": "-03:00", "COT": "-05:00", "PET": "-05:00",
    },
    "byline_labels": ["por", "escrito por", "texto de", "autor", "autora"],
    "byline_credits": {
        "con información de": "contributor",
        "con la colaboración de": "contributor",
        "colaboración de": "contributor",
        "edición de": "",
    },
    "conjunctions": ["y", "e"],
    "name_particles": ["de", "del", "la", "las", "los", "y"],
    "honorifics": ["sr", "sra", "srta", "dr", "dra", "lic", "ing"],
    "name_titles": [
        "ministro", "ministra", "presidente", "presidenta", "alcalde", "alcaldesa", "senador",
        "senadora", "diputado", "diputada", "portavoz", "director", "directora", "profesor",
        "profesora", "juez", "jueza",
    ],
    "not_names": [
        "el", "la", "los", "las", "un", "una", "él", "ella", "ellos", "ellas", "pero", "y", "o",
        "según", "cuando", "si", "aunque", "incluso", "también",
    ],
    "role_words": [
        "periodista", "corresponsal", "redactor", "redactora", "reportero", "reportera",
        "enviado especial", "enviada especial", "columnista", "redacción", "corresponsales",
        "fotógrafo", "fotógrafa", "prensa",
    ],
    "speech_verbs": [
        "dijo", "dice", "afirmó", "afirma", "explicó", "explica", "aseguró", "asegura",
        "señaló", "señala", "añadió", "añade", "declaró", "declara", "indicó", "indica",
        "según", "advirtió", "advierte", "sostuvo", "sostiene", "reconoció", "reconoce",
        "respondió", "responde", "comentó", "comenta",
    ],
    "function_words": [
        "el", "la", "los", "las", "un", "una", "de", "del", "y", "o", "en", "a", "al", "por",
        "para", "con", "sobre",
    ],
    "place_prepositions": ["en", "desde", "para"],
    "location_prepositions": ["en", "desde", "hacia", "hasta"],
    "role_prepositions": ["de", "del"],
    "determiners": ["el", "la", "los", "las", "un", "una", "su", "sus", "nuestro", "nuestra"],
    "copulas": ["es", "era"],
    "pronouns": {"él": "m", "ella": "f", "ellos": "", "ellas": ""},
    "relative_pronouns": ["que", "quien", "quienes", "cuyo", "cuya"],
    "organisation_words": [
        "ministerio", "ayuntamiento", "asociación", "grupo", "empresa", "gobierno", "partido",
        "sindicato", "policía",
    ],
    "male_names": ["sr", "señor", "don"],
    "female_names": ["sra", "srta", "señora", "doña"],
}  # fmt: skip
