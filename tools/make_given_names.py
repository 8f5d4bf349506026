"""Write the importer's given-name lexicon from the US Census Bureau's 1990 name files.

Usage: python tools/make_given_names.py dist.male.first dist.female.first
           > wagtail_newsroom/importer/lexicon/given_names.tsv

The files (public domain, census.gov "Frequently Occurring Surnames and First Names", 1990)
give each name's share of men's and of women's names in percent. A name is kept for the sex
that holds at least ``SHARE`` of its uses, so "Jordan" and "Leslie" stay out: a pronoun is
then resolved by the story's own words, never by a guess.
"""

import sys

SHARE = 0.9


def frequencies(path):
    with open(path, encoding="ascii") as lines:
        return {line.split()[0].lower(): float(line.split()[1]) for line in lines if line.strip()}


def main(male_path, female_path):
    male, female = frequencies(male_path), frequencies(female_path)
    print("# Given names of one sex, from the US Census Bureau's 1990 name files (public")
    print("# domain); written by tools/make_given_names.py. name<TAB>m|f")
    for name in sorted(male.keys() | female.keys()):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m >= SHARE * (m + f):
            print(f"{name}\tm")
        elif f >= SHARE * (m + f):
            print(f"{name}\tf")


if __name__ == "__main__":
    main(*sys.argv[1:3])
