#!/usr/bin/env python3
"""Derive the occupational head nouns of O*NET's occupation titles (round 30).

Usage: python3 derive.py <Occupation_Data.txt> > src/AutomationScanner.Core/Ethics/occupation-nouns.txt

Input: O*NET 26.3 "Occupation Data.txt" (tab-separated: O*NET-SOC Code, Title, Description), CC BY 4.0,
O*NET Resource Center, U.S. Department of Labor, Employment and Training Administration (USDOL/ETA).
Method (deterministic, no other input):
  1. Take each title's text before its first comma or parenthesis ("Packers and Packagers, Hand" -> "Packers and
     Packagers"), and before " of " / " for " / " in " / " to " ("First-Line Supervisors of Retail Sales Workers" ->
     "First-Line Supervisors").
  2. Split it on " and ", " or ", "/" and "--"; the head noun of each part is its last word ("Commercial Divers" ->
     "divers"), lower case; a part must be plural (end in s) to be a head: the titles name their occupations in the
     plural, so a last word that is not plural is a modifier of a later head ("Bus and Truck Mechanics" -> "mechanics";
     "bus" is no head).
  3. The singular is formed by English rules (-ies -> -y, -ves -> -fe ("midwives") or -f, -(s|x|z|ch|sh)es -> drop -es,
     else drop -s); "men" heads (e.g. "Fishermen") give "-man".
  4. Words of fewer than 4 letters, the generic words of the classification ("All Other", "Occupations") and the
     plural modifiers the split leaves as heads (NOT_HEADS below, each named with the title it comes from) are dropped.
Output: one line per head, "plural<TAB>singular", sorted; a header of "#" lines with the source and licence.
"""
import re
import sys

GENERIC = {"other", "occupations", "all", "except", "hand", "general"}
# Plural modifiers of a later head, left as heads by the split on "and" ("Insurance Claims and Policy Processing Clerks",
# "Securities, Commodities, and Financial Services Sales Agents", "Biofuels Production Managers", "Customs Brokers",
# "Military ... Forces"), the kind word "persons", and "models" (an occupation, but in a process the word names the
# AI system or a statistical model far more often than a fashion model).
NOT_HEADS = {"biofuels", "claims", "customs", "forces", "operations", "sales", "securities", "persons", "models"}


def singular(word: str) -> str:
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("wives"):
        return word[:-3] + "fe"
    if re.search(r"(ss|x|z|ch|sh)es$", word):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def heads(title: str):
    text = re.split(r"[,(]", title, maxsplit=1)[0]
    text = re.split(r"\s+(?:of|for|in|to|on|at|with|by)\s+", text, maxsplit=1)[0]
    for part in re.split(r"\s+(?:and|or)\s+|/|--|;", text):
        words = re.findall(r"[A-Za-z][A-Za-z'-]*", part)
        if not words:
            continue
        last = words[-1].lower().split("-")[-1]
        if len(last) < 4 or last in GENERIC or last in NOT_HEADS:
            continue
        if not (last.endswith("s") or last.endswith("men")) or last.endswith("ss"):
            continue
        yield last


def main(path: str) -> None:
    found = {}
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 2:
                continue
            for h in heads(cols[1]):
                found.setdefault(h, singular(h))
    print("# Occupational head nouns derived from the occupation titles of the O*NET 26.3 Database (May 2022),")
    print("# O*NET Resource Center, U.S. Department of Labor, Employment and Training Administration (USDOL/ETA),")
    print("# licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/; https://www.onetcenter.org/license_db.html).")
    print("# Modified: only the head noun of each title is kept, in the plural and the singular; O*NET/USDOL/ETA has not")
    print("# approved, endorsed or tested these modifications. Derived by tools/onet-occupation-nouns/derive.py.")
    print("# plural<TAB>singular")
    for plural in sorted(found):
        print(f"{plural}\t{found[plural]}")


if __name__ == "__main__":
    main(sys.argv[1])
