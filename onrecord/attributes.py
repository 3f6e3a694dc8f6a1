"""The model's attribute rules (tag → POS and morphology, word exceptions), looked up by index.

spaCy's ``attribute_ruler`` runs its 179 rules through the token ``Matcher``: about 14% of
the parse on these CPUs, for rules that each read one or two tokens' tag, lowercase form,
dependency or whitespace flag. ``IndexedRules`` files every rule under a value one of its
tokens must have, checks only the rules filed under a token's own values, and then sets the
attributes exactly as the ruler does (all matches found first, then applied in rule order, a
later rule's value winning). ``compile_rules`` declines rules of any other shape, and the
pipeline keeps spaCy's ruler for those.
"""
from __future__ import annotations

import re
from collections import defaultdict

_KEYS = ("LOWER", "TAG", "DEP", "IS_SPACE")  # what the rules read, in the order of the token array


class IndexedRules:
    """A pipeline component with the rules of an ``AttributeRuler``, for the same results."""

    def __init__(self, rules: list[tuple[list[list[tuple[int, frozenset[int], bool]]], dict, int]]):
        # rules: (patterns, attrs, index); a pattern is per token a list of (key, values, negated)
        self.rules = rules
        # patterns by a value one of their tokens must have: (key, value) -> [(rule, pattern, which token)];
        # under None, those with no one value to be filed by, tried at every token
        self._single: dict[tuple[int, int] | None, list] = defaultdict(list)
        self._longer: dict[tuple[int, int] | None, list] = defaultdict(list)
        for r, (patterns, _, _) in enumerate(rules):
            for pattern in patterns:
                filed = self._single if len(pattern) == 1 else self._longer
                # the rarest key first (LOWER, then TAG, ...), as _compiled orders a token's checks
                known = [(j, k, v) for j, token in enumerate(pattern) for k, v, negated in token
                         if not negated and isinstance(v, frozenset) and len(v) == 1]
                if known:
                    j, key, values = min(known, key=lambda c: (c[1], c[0]))
                    filed[key, next(iter(values))].append((r, pattern, j))
                else:
                    filed[None].append((r, pattern, 0))
        # a token's single-token rules depend on its four values alone, and the attributes a set of
        # rules gives on the set alone: both are kept (a few thousand entries for a long archive)
        self._by_values: dict[tuple[int, ...], tuple[int, ...]] = {}
        self._merged: dict[tuple[int, ...], dict] = {}

    def __call__(self, doc):
        from spacy.tokens._retokenize import set_token_attrs

        values = [tuple(row) for row in doc.to_array(list(_KEYS)).tolist()]
        extra = self._multi_token_matches(values) if self._longer else {}
        for i, row in enumerate(values):
            rules = self._by_values.get(row)
            if rules is None:
                found = {r for r, p, _ in self._candidates(self._single, row) if _matches(p, [row], 0)}
                rules = self._by_values[row] = tuple(sorted(found))
            if i in extra:
                rules = tuple(sorted({*rules, *extra[i]}))
            if rules:
                set_token_attrs(doc[i], self._attrs(rules))
        if len(self._by_values) > 100_000:
            self._by_values.clear()
        return doc

    def _candidates(self, filed: dict, row: tuple[int, ...]) -> list[tuple[int, list, int]]:
        return [c for k in range(len(_KEYS)) for c in filed.get((k, row[k]), ())] + filed.get(None, [])

    def _multi_token_matches(self, values: list[tuple[int, ...]]) -> dict[int, list[int]]:
        """The rules of two or more tokens that match, by the token they set."""
        out = defaultdict(list)
        for i, row in enumerate(values):
            for r, pattern, j in self._candidates(self._longer, row):
                if i >= j and _matches(pattern, values, i - j):
                    out[i - j + self.rules[r][2] % len(pattern)].append(r)  # index counts from the start or the end
        return out

    def _attrs(self, rules: tuple[int, ...]) -> dict:
        """What the ruler would leave: the rules applied in order, a later one's value winning."""
        if rules not in self._merged:
            merged = {}
            for r in rules:
                merged.update(self.rules[r][1])
            self._merged[rules] = merged
        return self._merged[rules]


def _matches(pattern: list, values: list[list[int]], start: int) -> bool:
    if start + len(pattern) > len(values):
        return False
    return all((values[start + j][k] in allowed) != negated
               for j, token in enumerate(pattern) for k, allowed, negated in token)


def compile_rules(ruler) -> IndexedRules | None:
    """The rules of a spaCy ``AttributeRuler`` as ``IndexedRules``, or None where one of them
    reads anything but single tokens' LOWER, TAG, DEP or IS_SPACE, by value, (NOT_)IN or a REGEX of LOWER."""
    strings, rules = ruler.vocab.strings, []
    for r, rule in enumerate(ruler.patterns):
        patterns = [_compiled(p, strings) for p in rule["patterns"]]
        index, lengths = ruler.indices[r], {len(p) if p is not None else 0 for p in patterns}
        if len(lengths) != 1 or not -min(lengths) <= index < min(lengths):
            return None
        rules.append((patterns, ruler.attrs[r], index))  # in the order the ruler applies them
    return IndexedRules(rules)


def _compiled(pattern: list[dict], strings) -> list[list[tuple[int, frozenset[int], bool]]] | None:
    out = []
    for token in pattern:
        checks = []
        for key, value in sorted(token.items(), key=lambda kv: _KEYS.index(kv[0]) if kv[0] in _KEYS else -1):
            if key not in _KEYS:
                return None
            negated, value = _operator(value)
            if isinstance(value, dict) and key == "LOWER":  # {"REGEX": ...}
                checks.append((_KEYS.index(key), _Pattern(value["REGEX"], strings), False))
                continue
            if value is None or isinstance(value, dict):
                return None
            hashed = (int(v) for v in value) if key == "IS_SPACE" else (strings.add(v) if v else 0 for v in value)
            checks.append((_KEYS.index(key), frozenset(hashed), negated))
        out.append(checks)
    return out


class _Pattern:
    """The hashes of the strings a regular expression finds something in (``hash in pattern``)."""

    def __init__(self, pattern: str, strings):
        self.search, self.strings, self.known = re.compile(pattern).search, strings, {}

    def __contains__(self, key: int) -> bool:
        if key not in self.known:
            self.known[key] = self.search(self.strings[key]) is not None
        return self.known[key]


def _operator(value) -> tuple[bool, list | dict | None]:
    """(negated, the values a token may have) for a plain value, {"IN": [...]} or {"NOT_IN": [...]};
    a {"REGEX": ...} as it is."""
    if isinstance(value, dict):
        if set(value) == {"REGEX"}:
            return False, value
        if len(value) != 1 or not {"IN", "NOT_IN"} >= value.keys():
            return False, None
        (op, values), = value.items()
        return op == "NOT_IN", list(values)
    return False, [value]
