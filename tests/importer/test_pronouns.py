"""Who a pronoun attributing a quote means: the candidates and the ranker's choice."""

import json

import pytest

from wagtail_newsroom.importer.pronouns import FEATURES, Candidate, Ranker, default_ranker
from wagtail_newsroom.importer.quotes import find_quotes
from wagtail_newsroom.importer.result import BodyBlock


def weights(**named):
    return Ranker(tuple(float(named.get(feature, 0)) for feature in FEATURES))


def candidate(name, **features):
    values = tuple(float(features.get(feature, 0)) for feature in FEATURES)
    return Candidate(name, None, values, paragraph=0)


def test_the_shipped_weights_load_for_the_features_the_importer_describes():
    ranker = default_ranker()
    assert len(ranker.weights) == len(FEATURES)
    assert Ranker.from_json(ranker.to_json()) == ranker


def test_weights_for_other_features_are_refused():
    text = json.dumps({"features": ["nearness"], "weights": [1.0]})
    with pytest.raises(ValueError, match="nearness"):
        Ranker.from_json(text)


def test_the_best_score_wins_and_the_nearest_among_equals():
    ranker = weights(quoted=2, nearness=1)
    near, quoted = candidate("Near", nearness=1), candidate("Quoted", quoted=1)
    assert ranker.choose([near, quoted]).name == "Quoted"
    assert ranker.choose([near, candidate("Also near", nearness=1)]).name == "Near"
    assert ranker.choose([]) is None


def test_the_ranker_decides_who_he_is():
    body = [
        BodyBlock("paragraph", "Rasmus Thorvaldsen watched from the bench as Tom Hale scored."),
        BodyBlock("paragraph", "“It was the best goal I have seen this season,” he said."),
    ]
    for ranker, speaker in (
        (weights(nearness=1), "Tom Hale"),
        (weights(nearness=-1, named_before=1), "Rasmus Thorvaldsen"),
    ):
        result, _people = find_quotes(body, [], ranker=ranker)
        assert result[1].quotes[0].speaker == speaker


def test_a_title_that_tells_the_sex_is_not_outweighed():
    body = [
        BodyBlock("paragraph", "Mr. Hale left the hall before the vote was counted."),
        BodyBlock("paragraph", "“We will know by the morning, and not before,” she said."),
    ]
    result, people = find_quotes(body, [], ranker=weights(named_before=10))
    assert result[1].quotes[0].speaker is None
    assert not people
