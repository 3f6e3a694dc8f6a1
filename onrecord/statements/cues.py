"""Cue lexicons for statement typing, as regular expressions over lowercased word forms.

The pipeline runs without spaCy's lemmatizer, so every inflection a rule needs is
spelled out here (``apologi[sz]e[sd]?``), British and American spellings alike.
Each list is one idea; the rules in ``types.py`` decide which text a list is
matched against (the cue and its clause, or the quoted content).
"""
from __future__ import annotations

import re


def _rx(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")


# --- read in the reporting clause (the cue and the words around it, not the quote) ---
NO_COMMENT = _rx(
    r"declin\w* (?:to|a request to|requests? for) (?:comment|respond|answer|say|discuss|elaborate)\w*",
    r"declin\w* (?:a question|questions|an interview|interviews)",
    r"refus\w* to (?:comment|answer|respond|say|discuss)",
    r"(?:did|does|would|could) not (?:immediately )?(?:respond|reply|return|answer|comment)",
    r"(?:didn't|doesn't|wouldn't|couldn't|won't) (?:immediately )?(?:respond|reply|return|answer|comment)",
    r"no comment", r"not available for comment", r"could not be reached", r"unavailable for comment",
    r"(?:reached|reaching) out to .{1,60}? for (?:comment|a response)",
    r"(?:asked|approached|contacted) .{1,40}? for (?:comment|a response)",
)
RETRACTION = _rx(
    r"retract\w*", r"withdr(?:aw|aws|awing|awn|ew)", r"(?:take|takes|took|taking|taken) back",
    r"walk(?:s|ed|ing)? back", r"back-?track\w*", r"backpedal\w*", r"row(?:s|ed|ing)? back",
    r"u-turn\w*", r"recant\w*", r"disavow\w*", r"spoken too (?:strongly|soon|quickly)",
)
APOLOGY = _rx(
    r"apologi[sz]\w*", r"apology", r"apologies", r"(?:said|say|says|saying) sorry",
    r"(?:expressed|expresses|express|expressing) regret", r"regret(?:s|ted|ting)?", r"sorry", r"contrite",
)
DENIAL = _rx(
    r"den(?:y|ies|ied|ying|ial)", r"dismiss(?:es|ed|ing)? (?:\S+ ){0,3}(?:claims?|allegations?|accusations?|reports?|suggestions?|charges?|criticism)",
    r"rebut\w*", r"rebuttal", r"refut\w*",
)
# ``dispute``/``reject`` are denials when what is disputed is about the speaker's side
# (reports, findings, accusations); otherwise they are criticism (``reject any allegations
# against our judiciary``). types.py decides with the object.
DISPUTE = _rx(r"disput(?:e|es|ed|ing)", r"reject(?:s|ed|ing)?", r"contest(?:s|ed|ing)?", r"push(?:es|ed|ing)? back")
CRITICISM = _rx(
    r"slam\w*", r"condemn\w*", r"critici[sz]\w*", r"criticism", r"critic", r"attack\w*", r"assail\w*",
    r"blast\w*", r"lambast\w*", r"denounc\w*", r"decr(?:y|ies|ied|ying)", r"accus\w*", r"alleg\w*",
    r"rebuk\w*", r"chastis\w*", r"chid(?:e|es|ed|ing)", r"scold\w*", r"mock\w*", r"ridicul\w*", r"deride\w*",
    r"derid\w*", r"belittl\w*", r"castigat\w*", r"excoriat\w*", r"berat\w*", r"fault(?:s|ed|ing)?",
    r"hit(?:s|ting)? (?:out|back)", r"lash\w* out", r"took aim", r"tak(?:e|es|ing) aim", r"aims? (?:insult|fire)",
    r"call(?:s|ed|ing)? out", r"(?:went|go|goes|going) after", r"sound\w* off", r"rail\w* against", r"pil\w* on",
    r"took issue", r"tak(?:e|es|ing) issue", r"question(?:s|ed|ing)? (?:\S+ ){0,3}(?:fitness|judgment|record|qualifications|readiness|honesty)",
    r"heap\w* criticism", r"insult\w*", r"boo(?:s|ed|ing)?", r"complain\w*", r"object(?:s|ed|ing)? to", r"oppos\w*",
    r"opposition", r"warn\w* against", r"challeng\w*", r"brand(?:s|ed|ing)?", r"blam\w*", r"sued?", r"suing",
    r"call(?:s|ed|ing)? (?:\S+ ){1,3}to (?:resign|apologi[sz]e|step down|quit|withdraw|retract|take back)",
    r"cast\w* doubts?", r"(?:express\w*|rais\w*|voic\w*) (?:\S+ ){0,2}doubts?", r"(?:not|n't|wasn't|isn't) happy",
    r"hostil\w*", r"unhappy", r"clash\w*", r"feud\w*", r"erupt\w* on", r"aversion", r"skewer\w*", r"trash\w*",
)
SUPPORT = _rx(
    # "back to boasting", "his supporters": no act of support
    r"defend\w*", r"defen[cs]e of", r"prais\w*", r"back(?:s|ed|ing)?(?! (?:to|in|from|down|off|away|then|when|out|home)\b)",
    r"support(?!ers?\b)\w*", r"endors\w*", r"lin(?:e|es|ed|ing) up behind", r"rall(?:y|ies|ied|ying) (?:behind|around)",
    r"hail\w*", r"applaud\w*", r"commend\w*", r"laud\w*", r"stood by", r"stand(?:s|ing)? by", r"stand(?:s|ing)? with",
    r"(?:came|come|comes|coming) to (?:the|his|her|their) (?:defen[cs]e|aid)", r"thank\w*", r"congratulat\w*",
    r"welcom\w*", r"champion\w*", r"vouch\w*", r"credit(?:s|ed|ing)? (?!card)", r"advocat\w*", r"proponent",
    r"side(?:s|d)? with", r"siding with", r"embrac\w*", r"celebrat\w*", r"pay(?:s|ing)? tribute", r"paid tribute",
    r"sid(?:e|es|ed) with", r"warm(?:s|ed|ing)? to",
)
COMMITMENT = _rx(
    r"vow\w*", r"pledg\w*", r"(?<!was )(?<!were )(?<!been )promis\w*", r"intend\w*", r"inten(?:t|tion)", r"plan(?:s|ned|ning)? to",
    r"commit(?:s|ted|ting)? to", r"committed", r"vow", r"swor?e to", r"undert(?:ake|akes|ook) to", r"resolv\w* to",
    r"(?:is|are|was|were) (?:going|set|determined) to", r"will", r"'ll", r"shall", r"announc\w*", r"unveil\w*",
    r"threaten\w* to", r"decid\w* to", r"decision to",
)
# Verbs after ``will``/``going to`` that predict rather than promise (``we will see``).
NOT_AN_ACTION = frozenset(
    "be win lose see happen have get know find become feel seem look hear need like love tell say "
    "admit bet guess remember think believe understand wonder continue remain "
    "save cost grow rise fall increase decrease reach generate total exceed mean".split()
)

# --- read in the quoted content ---
CONTENT_RETRACTION = _rx(
    r"(?:i|we) (?:\S+ ){0,3}retract", r"(?:i|we) (?:\S+ ){0,2}withdr(?:aw|ew)", r"(?:i|we) (?:\S+ ){0,2}(?:take|took) back",
    r"(?:i|we) was wrong to (?:say|call|describe|suggest|claim|write|tweet)", r"(?:i|we) should (?:not|never) have (?:said|written|tweeted|called)",
    r"(?:i|we) (?:\S+ ){0,2}walk(?:ing)? back", r"(?:he|she|they) (?:\S+ ){0,3}(?:retract|withdr(?:aw|ew)|took back|walked back)",
    r"had spoken too strongly", r"spoken too strongly",
)
CONTENT_APOLOGY = _rx(
    r"(?:i|we|i'm|we're|i am|we are) (?:\S+ ){0,3}(?:sorry|apologi[sz]e|apologi[sz]ing)",
    r"(?:my|our) (?:\S+ ){0,2}apolog(?:y|ies)", r"(?:offer\w*|issu\w*|make|made|extend\w*) (?:\S+ ){0,4}apology",
    r"(?:i|we|he|she|they) (?:\S+ ){0,2}regret(?:s|ted)? (?:making|saying|having|my|our|his|her|their|the|that i|that we|any|what|it|them|these|those)",
    r"(?:ill-advised|was wrong of me|my mistake|i was wrong|i made a mistake|we made a mistake|i got it wrong)",
)
CONTENT_DENIAL = _rx(
    r"(?:report|story|claim|claims|allegation|allegations|accusation|accusations|suggestion|reports|stories|that|this|it|these|rumou?rs?) "
    r"(?:\S+ ){0,2}(?:is|are|was|were|'s) (?:simply |completely |totally |entirely |categorically |just |absolutely )?"
    r"(?:untrue|not true|false|baseless|unfounded|fabricated|nonsense|wrong|a lie|lies|fake|inaccurate|unsupported|without foundation|ridiculous)",
    r"(?:i|we) (?:\S+ ){0,2}(?:never|did not|didn't|have not|haven't) (?:\S+ ){0,2}(?:said|say|do|did|make|made|meet|met|know|knew|break|broke|violate|violated|take|took|taken|"
    r"questioned|attacked|critici[sz]ed|accused|threatened|lied|insulted|pressured|influenced|received|asked)",
    r"(?:i|we) (?:\S+ ){0,2}(?:do not|don't) (?:\S+ ){0,2}(?:break|violate|take)",  # "I don't know why" denies nothing
    r"(?:no|nothing) (?:\S+ ){0,2}(?:truth|basis|evidence|wrongdoing|violations?|impropriety)", r"absolutely nothing",
    r"categorically den\w*", r"(?:we|i) den(?:y|ied)", r"acted (?:lawfully|properly|appropriately)", r"(?:did|done|doing) nothing wrong",
    r"(?:your|their|these|the) (?:allegations|accusations|claims) (?:are|were) (?:\S+ ){0,2}(?:false|unsupported|baseless|untrue|unfounded)",
)
# The speaker's own act of criticism or support, said in the first person.
# Only adverbs and auxiliaries come between: "we will fight back" is no act of backing.
_BETWEEN = r"(?:(?:will|would|do|did|fully|strongly|still|also|really|always|completely|wholeheartedly|totally|all|certainly|absolutely|very|much|continue to|'ll) ){0,2}"
CONTENT_CRITICISM = _rx(r"(?:i|we) " + _BETWEEN + r"(?:reject|condemn|deplore|oppose|denounce|disagree with|criticise|criticize)\w*")
CONTENT_SUPPORT = _rx(
    r"(?:i|we) " + _BETWEEN + r"(?:support|back|endorse|stand by|stand with|welcome|applaud|praise|salute|thank)\w*",
    r"(?:i'm|i am|we're|we are) with (?:her|him|you|them)\b",
    r"consider\w* the matter (?:closed|settled)",  # a party standing by its member
)
# "Does he not understand ...?": a question that scolds someone.
RHETORICAL = _rx(
    r"^(?:does|did|is|was|has|can|will|would) (?:he|she|they) not\b.*\?", r"^(?:doesn't|didn't|isn't|wasn't|hasn't|can't|won't|wouldn't) (?:he|she|they)\b.*\?",
    r"^why (?:does|did|would|is|has|won't|doesn't|can't|didn't) (?:he|she|they)\b.*\?",
)
# A verdict on what someone said: "a silly thing to say".
VERDICT = _rx(r"(?:silly|stupid|ridiculous|absurd|outrageous|disgraceful|shameful|offensive|irresponsible|dangerous|terrible|"
              r"awful|ugly|nasty|insulting|ignorant|crazy|dumb|wrong|unfortunate|bizarre) (?:\S+ )?things? to say")
# Said mockingly: the words mean the opposite ("We're so sorry you're leaving," she said sarcastically).
SARCASM = _rx(r"sarcastic\w*", r"mocking\w*", r"mockingly", r"derisive\w*", r"sneer\w*")
# A statement that announces pledges: "reiterated his campaign pledges".
PLEDGE_NOUNS = _rx(r"^(?:\S+ ){0,5}(?:pledges?|promises?|vows?|commitments?)")
REPEATING = _rx(r"reiterat\w*", r"repeat\w*", r"restat\w*", r"renew\w*", r"outlin\w*", r"laid out", r"lays? out")
# Evaluative words: a statement is criticism/support by its content when it evaluates a
# target with one of these.
NEGATIVE = _rx(
    r"disgrace\w*", r"inappropriate", r"shameful", r"shame", r"outrag\w*", r"appalling", r"unacceptable", r"disgust\w*",
    r"despicable", r"reckless", r"irresponsible", r"dangerous\w*", r"wrong", r"ridiculous", r"absurd", r"pathetic",
    r"dishonest", r"liar", r"lying", r"lie", r"lies", r"corrupt\w*", r"incompetent", r"failure", r"failed", r"failing", r"disaster\w*",
    r"unfit", r"unqualified", r"hypocri\w*", r"racist", r"bigot\w*", r"sexist", r"offensive", r"insult\w*", r"deplorable",
    r"crooked", r"nasty", r"terrible", r"horrible", r"awful", r"weak", r"stupid", r"dumb", r"silly", r"troubling",
    r"mistake", r"scaremongering", r"arrogant", r"insensitive", r"egregious", r"arbitrary", r"desperate", r"new low",
    r"misleading", r"inaccurate", r"misrepresent\w*", r"bully", r"neglect\w*", r"inexcusable", r"danger", r"incit\w*",
    r"hatred", r"hate", r"mess", r"treason", r"bias", r"sold out", r"turned (?:his|her|their) back", r"walking away",
    r"rewarded failure", r"lazy", r"rabble", r"distraction", r"ill-advised", r"shot", r"unprecedented", r"rough",
    r"peddling", r"fiction", r"doom", r"attacks?", r"unlawful", r"unhappy", r"flip-flop\w*", r"hit piece",
    r"(?:too|but|so|very|was|is|came) late", r"^late", r"changes nothing",
    r"it took (?:her|him|them) (?:\S+ ){0,2}(?:hours|days|weeks|months|years|a day|a week|a month|a year)", r"let (?:\S+ ){1,2}down", r"should be ashamed", r"owes? (?:\S+ ){0,3}an? apology",
)
POSITIVE = _rx(
    r"great", r"greatest", r"tremendous", r"fantastic", r"brilliant", r"excellent", r"wonderful", r"admir\w*", r"respect\w*",
    r"proud", r"hero\w*", r"courageous", r"honest", r"decent", r"qualified", r"trust\w*", r"confidence",
    r"gifted", r"talented", r"sharp", r"articulate", r"rising star", r"star", r"deserves? credit", r"(?<!i have )(?<!i've )earned", r"best",
    r"strong(?:er|est)? leader", r"glad", r"welcome", r"thank\w*", r"heart of", r"reason we are here", r"miscarriage of justice",
    r"better than",
    r"innocent", r"testify", r"colleague", r"support", r"backing", r"champion", r"applaud\w*", r"commend\w*",
)
NEGATORS = frozenset("not n't never no nothing hardly nobody none neither".split())
# "An MP should respect the verdict": praise that is owed is no praise given.
MODALS = frozenset("should must ought".split())
# The content says the speaker's side will act: ``we plan to``, ``he did not intend to hold back``.
CONTENT_COMMITMENT = _rx(
    r"(?:i|we|he|she|they|i'm|we're) (?:(?!(?:i|we|you|he|she|they) )\S+ ){0,3}(?:intend|intends|intended|plan|plans|planned|vow|vows|vowed|pledge|pledges|pledged|promise|promises|promised|want|wants) to",
    r"(?:i|we|he|she|they) (?:am|are|is|was|were) (?:\S+ ){0,1}(?:determined|committed) to", r"^(?:\S+ ){0,3}committed to",
    r"^(?:\S+ ){1,3}plan(?:s|ned)? to", r"^to (?:\S+ ){0,3}\w+",
)
# Subjects that stand for the speaker's own organisation in reported speech
# (``the council would publish its budget``).
INSTITUTIONS = frozenset(
    "council department force union board company government party campaign club trust committee "
    "ministry administration office agency authority association forum cooperative paper team firm".split()
)
# ``called X Y``: the verbs that evaluate their object with a complement.
CALLING = _rx(r"call(?:s|ed|ing)?", r"brand(?:s|ed|ing)?", r"describ\w*", r"label+\w*", r"dub(?:s|bed|bing)?", r"term(?:s|ed|ing)?")
# Nouns that make an object "someone's statement".
STATEMENT_NOUNS = frozenset(
    "statement statements comment comments remark remarks words tweet tweets post posts claim claims speech "
    "interview letter article articles report reports story allegation allegations accusation accusations "
    "attack attacks criticism suggestion suggestions assertion assertions language finding findings response "
    "apology apologies pledge promise view views message op-ed column quote quotes "
    "defence defense endorsement denial praise condemnation retraction rebuttal explanation".split()
)
PERSONAL_PRONOUNS = frozenset("he she him her his hers they them their we us our i me my".split())
