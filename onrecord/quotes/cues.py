"""Cue words: the verbs and phrases that report speech, in every inflection.

The pipeline runs without spaCy's lemmatizer, so cues are matched on lowercased
word forms generated here. The list is a prior, not a gate: a verb outside it can
still be a cue when the parse and the quote marks say so (with lower confidence).
"""
from __future__ import annotations

# Verbs that report speech or writing, or stance taken in words.
SPEECH = """
say tell add note explain claim argue insist state declare announce assert contend maintain
suggest warn caution predict promise pledge vow deny admit acknowledge concede confirm report
write pen tweet post reply respond answer retort counter quip joke ask question wonder complain
lament boast brag describe label dub brand praise criticize criticise slam blast condemn
accuse charge allege testify recall recount observe remark comment mention reveal disclose
emphasize emphasise stress reiterate repeat continue conclude urge demand plead beg shout
yell scream cry exclaim whisper mutter hint speculate estimate agree disagree concur object
protest dispute reject dismiss retract apologize apologise defend attack mock quote cite tout
hail welcome thank tease muse sigh laugh grumble snap text email message inform advise assure
reassure remind notify signal indicate proclaim announce predict forecast threaten recommend
propose acknowledge caution rebut refute contradict deride scoff sneer bemoan decry denounce
lambast lambaste berate chide scold rebuke fault credit applaud commend congratulate
clarify elaborate specify summarize summarise opine posit theorize theorise reason point
read affirm chant sing echo title entitle headline caption scold lecture interject interrupt
""".split()

# Cognition and intention: cues for indirect speech ("X believes that ...").
THOUGHT = "believe think feel hope fear worry expect doubt know understand guess figure suspect reckon".split()

# Verbs that are cues only with a complement clause, never alone before a quote.
_IRREGULAR = {
    "say": ["said", "says", "saying"],
    "tell": ["told", "tells", "telling"],
    "write": ["wrote", "written", "writes", "writing"],
    "think": ["thought", "thinks", "thinking"],
    "feel": ["felt", "feels", "feeling"],
    "know": ["knew", "known", "knows", "knowing"],
    "understand": ["understood", "understands", "understanding"],
    "speak": ["spoke", "spoken", "speaks", "speaking"],
    "hear": ["heard", "hears", "hearing"],
    "read": ["reads", "reading"],
    "fire": ["fired", "fires", "firing"],
    "hit": ["hits", "hitting"],
    "put": ["puts", "putting"],
    "cry": ["cried", "cries", "crying"],
    "reply": ["replied", "replies", "replying"],
    "deny": ["denied", "denies", "denying"],
    "testify": ["testified", "testifies", "testifying"],
    "clarify": ["clarified", "clarifies", "clarifying"],
    "specify": ["specified", "specifies", "specifying"],
    "pen": ["penned", "pens", "penning"],
    "quip": ["quipped", "quips", "quipping"],
    "snap": ["snapped", "snaps", "snapping"],
    "admit": ["admitted", "admits", "admitting"],
    "commit": ["committed", "commits", "committing"],
    "regret": ["regretted", "regrets", "regretting"],
    "rebut": ["rebutted", "rebuts", "rebutting"],
    "refer": ["referred", "refers", "referring"],
    "beg": ["begged", "begs", "begging"],
    "begin": ["began", "begun", "begins", "beginning"],
    "worry": ["worried", "worries", "worrying"],
    "email": ["emailed", "emails", "emailing"],
}


def inflect(verb: str) -> list[str]:
    """Base form, third person, past and -ing forms of a (mostly regular) English verb."""
    if verb in _IRREGULAR:
        return [verb, *_IRREGULAR[verb]]
    if verb.endswith("e"):
        return [verb, verb + "s", verb + "d", verb[:-1] + "ing"]
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return [verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    if len(verb) <= 4 and verb[-1] in "bdgmnprt" and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
        double = verb + verb[-1]  # slam -> slammed, pen -> penning
        return [verb, verb + "s", double + "ed", double + "ing"]
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return [verb, verb + "es", verb + "ed", verb + "ing"]
    return [verb, verb + "s", verb + "ed", verb + "ing"]


def _forms(verbs: list[str]) -> frozenset[str]:
    return frozenset(form for verb in verbs for form in inflect(verb))


SPEECH_FORMS = _forms(SPEECH)
THOUGHT_FORMS = _forms(THOUGHT)
# Verbs that introduce indirect speech with a complement clause.
INDIRECT_FORMS = SPEECH_FORMS | THOUGHT_FORMS
# Verbs of judging someone, beside the verbs of speech ('was blamed for', 'is considered a threat').
JUDGING_FORMS = _forms("blame consider mention criticise criticize praise accuse urge warn".split())
# Verbs of blame and praise that take an object: with none, and 'over'/'for' after them, a headline's
# 'Council slammed over bin collections' is a reduced passive, and the council the one blamed.
BLAMED_FORMS = frozenset({
    "attacked", "blasted", "castigated", "censured", "condemned", "criticised", "criticized", "hailed",
    "lambasted", "mocked", "panned", "praised", "rapped", "rebuked", "ridiculed", "savaged", "slammed",
})
BLAMED_FOR = frozenset({"over", "for", "after", "amid"})
# Verbs of telling someone to act: with 'to' right after them and no object, 'Lowe urged to quit' and
# 'Council told to pay back grant' are reduced passives, the subject the one addressed.
ADDRESSED_FORMS = frozenset("urged told pressed ordered advised encouraged warned challenged".split())  # not "asked to depose"
# Verbs whose passive subject is what is expected or thought of ('is expected to', 'was seen as').
REGARDING_FORMS = _forms("expect know see view regard believe think project swear identify suspect credit".split())
# Verbs whose direct object is the content ("denied the report", "confirmed the deal").
OBJECT_CONTENT_FORMS = _forms("deny confirm dismiss reject dispute acknowledge admit announce predict retract".split())
# Who "heard" evidence in court reporting ("the inquest heard that …"): listeners, not speakers.
HEARINGS = frozenset("court jury inquest tribunal hearing trial inquiry committee judge magistrates".split())
# Nouns that head a source which speaks for an organisation.
SPOKES_NOUNS = frozenset(
    "spokesperson spokesman spokeswoman spokespeople spokespersons representative representatives "
    "aide aides official officials source sources statement".split()
)
