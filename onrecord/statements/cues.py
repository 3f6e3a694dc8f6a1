"""Cue lexicons for statement typing, as regular expressions over lowercased word forms.

The pipeline runs without spaCy's lemmatizer, so every inflection a rule needs is
spelled out here (``apologi[sz]e[sd]?``), British and American spellings alike.
Each list is one idea; the rules in ``types.py`` decide which text a list is
matched against (the cue and its clause, or the quoted content).
"""
from __future__ import annotations

import re

from ..organisations import INSTITUTIONS, MEDIA_KINDS, ORG_KINDS


def _rx(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")


# --- read in the reporting clause (the cue and the words around it, not the quote) ---
NO_COMMENT = _rx(
    r"declin\w* (?:to|a request to|requests? for) (?:\w+ly )?(?:comment|respond|answer|say|discuss|elaborate)\w*",
    r"declin\w* (?:a question|questions|an interview|interviews)",
    r"(?:declin|refus)\w* to (?:name|identify|disclose|reveal|specify) (?:the|which|who|whom|how|what|where|when|its|his|her|their|any)\b",
    # (not "refuse to answer the American Community Survey": a form, not a question)
    r"refus\w* to (?:comment|respond|say|discuss|answer(?! (?:the|a|an|this|that|any) (?!questions?\b|inquir\w*|enquir\w*)\w))",
    r"(?:did|does|would|could) not (?:immediately )?(?:respond|reply|return|answer|comment)",
    r"(?:didn't|doesn't|wouldn't|couldn't|won't) (?:immediately )?(?:respond|reply|return|answer|comment)",
    # no answer yet: 'has not responded', 'has yet to respond', 'hasn't returned calls'
    r"(?:has|have|had|is|are|was|were) (?:not|yet to) (?:yet |immediately )?(?:respond|repl[iy]|return|answer|comment)\w*",
    r"(?:hasn't|haven't|hadn't|has n't|have n't|had n't) (?:yet |immediately )?(?:respond|repl[iy]|return|answer|comment)\w*",
    r"no comment", r"not available for comment", r"could not be reached", r"unavailable for comment",
    r"(?:reached|reaching) out to .{1,60}? for (?:comment|a response)",
    r"(?:asked|approached|contacted) .{1,40}? for (?:comment|a response)",
    r"declin\w* (?:\S+ ){0,2}(?:interview|request)\w*", r"(?:did|does|would) not (?:say|disclose|specify) (?:when|whether|why|how|if|what|who)",
    r"(?:maintain\w*|kept|keeps|keeping) (?:his|her|their|its) silence",
    r"(?:refus\w*|declin\w*|would not|wouldn't|will not|won't) (?:to )?be drawn",  # 'refused to be drawn on whether …'
    r"(?:he|she|they|it|who)(?:'s| is| was| are| were) not available",
    r"referr\w* (?:all )?(?:questions|inquiries|enquiries|requests|calls|reporters)",  # 'referred questions to the memo'
    # "Neither campaign responded": the subject's negation (build_frame keeps it in the clause)
    r"(?:(?<=neither )|(?<=nobody )|(?<=none )|(?<=no ))(?:\S+ ){0,3}(?:responded|replied|commented|answered)",
    # the speaker's own refusal to go into it: "I'm not going to get into that", "I won't speculate"
    r"(?:i|we)(?:'m| am|'re| are)? (?:not going to|won't|wo n't|will not|can't|cannot|do not|don't) (?:\S+ )?"
    r"(?:comment|speculate|get into|go into|negotiate (?:here|from|in public)|talk about (?:that|it|this)|weigh in)\b",
    r"(?:i|we) (?:do not|don't) (?:\S+ )?(?:talk about|discuss)\b",  # 'I don't talk about agents' (as a rule)
    # ... or a body's, reported: 'said it does "not discuss ongoing negotiations"' (not 'he did not discuss the budget')
    r"(?:it|he|she|they) (?:does|do) \W*(?:not|n't) (?:\S+ )?(?:comment|discuss|talk about)\b",
)
# What may stand between a cue and a refusal that is still the speaker's own: 'said he would not comment'.
OWN_SUBJECT = frozenset("that he she it they we i has have had is was were would could will".split())
RETRACTION = _rx(
    r"retract\w*", r"withdr(?:aw|aws|awing|awn|ew)", r"(?:take|takes|took|taking|taken) back",
    r"walk(?:s|ed|ing)? back", r"back-?track\w*", r"backpedal\w*", r"row(?:s|ed|ing)? back",
    r"u-turn\w*", r"recant\w*", r"disavow\w*", r"spoken too (?:strongly|soon|quickly)",
    # one's own words taken down ('deleted emails' are no words taken back)
    r"delet(?:e|es|ed|ing) (?:\S+ ){0,4}(?:posts?|tweets?|comments?|remarks?|videos?|messages?)\b",
)
WARNING = _rx(r"warn(?:s|ed|ing)?(?! against)")
# What a reaction to an apology or retraction calls it: 'welcomed the apology', 'his change of heart'.
ANSWERS_UNDOING = re.compile(r"\b(?:apolog\w*|retraction|u-turn|climb-?down|withdrawal|(?:has|have|had) listened|"
                             r"change of (?:heart|mind|tone)|rethink|turnaround|(?:has|have|had) (?:reconsidered|backed down|"
                             r"thought better of it)|reversal|walk-?back|for doing so|"
                             r"admit(?:s|ted|ting)? (?:a |the |her |his |their |its |my |our )?(?:mistake|error))\b")
# ... unless it asks for one: 'urged Whitcombe to apologize' came before any apology.
DEMANDS_UNDOING = re.compile(r"\b(?:urg|call|demand|press|ask|tell|told)\w* (?:on )?(?:\S+ ){0,6}to (?:apolog|retract|withdraw)")
# Owning up to an error in one's own words: "admitted that the course name in his book was inaccurate".
ADMITTING = _rx(r"admit\w*", r"acknowledg\w*", r"conced\w*", r"conceding")
ERRED = _rx(r"inaccurate", r"incorrect", r"untrue", r"false", r"not (?:true|accurate|correct)", r"wrong", r"misstat\w*", r"in error")
APOLOGY = _rx(
    r"apologi[sz]\w*", r"apology", r"apologies", r"(?:said|say|says|saying) sorry",
    r"(?:expressed|expresses|express|expressing) regret", r"regret(?:s|ted|ting)?", r"sorry", r"contrite",
)
DENIAL = _rx(
    r"den(?:y|ies|ied|ying|ial)", r"dismiss(?:es|ed|ing)? (?:\S+ ){0,3}(?:claims?|allegations?|accusations?|reports?|suggestions?|charges?|criticism)",
    r"rebut\w*", r"rebuttal", r"refut\w*",
    # defending oneself, answering what one is accused of
    r"defend\w* (?:himself|herself|itself|themselves|themself|oneself) (?:against|from)",
    r"respon\w* (?:\S+ ){0,2}to (?:\S+ ){0,2}(?:accusations?|allegations?|charges?)",
    r"plead\w* not guilty", r"pled not guilty", r"(?:maintain\w*|protest\w*|insist\w* on) (?:his|her|their|its) innocence",
)
# ``dispute``/``reject`` are denials when what is disputed is about the speaker's side
# (reports, findings, accusations); otherwise they are criticism (``reject any allegations
# against our judiciary``). types.py decides with the object.
DISPUTE = _rx(r"disput(?:e|es|ed|ing)", r"reject(?:s|ed|ing)?", r"contest(?:s|ed|ing)?", r"push(?:es|ed|ing)? back")
CRITICISM = _rx(
    # dismissing words or someone as something (not 'was dismissed' from a job)
    r"dismiss(?:es|ed|ing)? (?:\S+ ){1,6}as", r"(?:was|were|been) dismissed by",
    r"dismiss(?:es|ed|ing)? (?:\S+ ){0,3}(?:comments?|remarks?|criticism|concerns?|suggestions?|ideas?|calls?|words|warnings?|fears?)",
    r"slam\w*", r"condemn\w*", r"critici[sz]\w*", r"criticism", r"critic", r"attack\w*", r"assail\w*",
    r"blast\w*", r"lambast\w*", r"denounc\w*", r"decr(?:y|ies|ied|ying)", r"accus\w*", r"alleg\w*",
    r"rebuk\w*", r"chastis\w*", r"chid(?:e|es|ed|ing)", r"scold\w*", r"mock\w*", r"ridicul\w*", r"deride\w*",
    r"derid\w*", r"belittl\w*", r"castigat\w*", r"excoriat\w*", r"berat\w*", r"fault(?:s|ed|ing)?",
    r"hit(?:s|ting)? (?:out|back)", r"lash\w* out", r"took aim", r"tak(?:e|es|ing) aim", r"aims? (?:insult|fire)",
    r"call(?:s|ed|ing)? out", r"(?:went|go|goes|going) after", r"sound\w* off", r"rail\w* against", r"pil\w* on",
    r"took issue", r"tak(?:e|es|ing) issue", r"question(?:s|ed|ing)? (?:\S+ ){0,6}(?:fitness|judgment|record|qualifications|readiness|honesty|values)",
    r"heap\w* criticism", r"under fire", r"backlash", r"insult\w*", r"boo(?:s|ed|ing)?", r"complain\w*", r"object(?:s|ed|ing)? to", r"oppos\w*",
    r"opposition", r"warn\w* against", r"challeng\w*", r"brand(?:s|ed|ing)?", r"blam\w*", r"sued?", r"suing",
    r"call(?:s|ed|ing)? (?:\S+ ){1,3}to (?:resign|apologi[sz]e|step down|quit|withdraw|retract|take back)",
    r"cast\w* doubts?", r"(?:express\w*|rais\w*|voic\w*) (?:\S+ ){0,2}doubts?", r"(?:not|n't|wasn't|isn't) happy",
    r"hostil\w*", r"unhappy", r"clash\w*", r"feud\w*", r"erupt\w* on", r"aversion", r"skewer\w*", r"trash\w*",
    # attacking, rebuffing, disparaging; anger and disapproval as the speaker's reaction
    r"rebuff\w*", r"spurn\w*", r"disparag\w*", r"denigrat\w*", r"demean\w*", r"vilif\w*", r"demoni[sz]\w*", r"smear\w*",
    r"tirade", r"rant(?:s|ed|ing)?", r"swipe\w*", r"jab(?:s|bed|bing)?", r"bash\w*", r"hammer\w*", r"savag\w*",
    r"(?:rip|rips|ripped|ripping|tear|tears|tore|tearing|lay|lays|laid|laying) into", r"(?:a|another) (?:shot|dig) at",
    r"fir(?:e|es|ed|ing) back", r"(?:shot|shoots|shoot|shooting|snapped|snaps|snap|bit|bites) back", r"hit(?:s|ting)? (?:\S+ ){1,4}(?:for|over)", r"set (?:his|her|their|its) sights on",
    r"outrag\w*", r"annoy\w*", r"anger\w*", r"angr\w*", r"furious", r"infuriat\w*", r"frustrat\w*", r"disapprov\w*",
    r"dismiss(?:es|ed|ing)? (?:\S+ ){1,6}as", r"(?:gravely|deeply|seriously) concerned", r"(?:express\w*|rais\w*|voic\w*) (?:\S+ ){0,2}concerns?",
    r"wary", r"s[kc]eptic\w*", r"disagree\w*", r"protest\w*", r"question(?:s|ed|ing)? (?:whether|why|how)",
    r"critical of", r"compar\w* (?:\S+ ){1,6}to (?:the )?(?:nazis?|hitler|holocaust|slavery|fascis\w*|terrorists?|isis|stalin\w*|mussolini)",
    r"admonish\w*", r"reprimand\w*", r"censur\w*", r"bemoan\w*", r"lament\w*", r"deplor\w*", r"bristl\w*", r"scoff\w*",
    r"taunt\w*", r"heckl\w*", r"jeer\w*", r"lampoon\w*", r"satiri[sz]\w*", r"needl(?:e|es|ed|ing)", r"slander\w*", r"libel\w*",
    r"defam\w*", r"impugn\w*", r"malign\w*", r"besmirch\w*", r"cast\w* aspersions", r"sham(?:e|es|ed|ing)", r"fum(?:e|es|ed|ing)",
    r"gripe[sd]?", r"grumbl\w*", r"single[sd]? out", r"charg(?:e|es|ed|ing) that", r"question\w* (?:\S+ ){0,2}(?:legitimacy|integrity|credibility|motives|competence|honesty|character)",
    r"call\w* for (?:\S+ ){0,2}(?:resignation|dismissal|firing|ouster|impeachment|removal|arrest|prosecution)",
)
# "hit back", "fought back", "came back": the verb before 'back' makes it no backing.
_NOT_BACKING = "".join(
    f"(?<!{verb} )" for verb in
    "hit hits hitting fought fight fights struck strikes pushed pushes came comes went goes shot shoots snapped snaps "
    "fired fires bit bites talked talks spoke speaks wrote writes".split()
)
# "companies pull support for the convention": support taken away is no act of support
_WITHDRAWN = "".join(
    f"(?<!{verb} {det})" for verb in "pull pulls pulled pulling withdraw withdraws withdrew withdrawn withdrawing".split()
    for det in ("", "their ", "its ", "his ", "her ")
)
SUPPORT = _rx(
    # "back to boasting", "his supporters": no act of support
    r"defend\w*", r"defen[cs]e of", r"prais\w*", _NOT_BACKING +
    r"back(?:s|ed|ing)?(?! (?:to|in|from|down|off|away|then|when|out|home|by|at|against|with)\b)",
    _WITHDRAWN + r"support(?!ers?\b)\w*", r"endors\w*", r"lin(?:e|es|ed|ing) up behind", r"rall(?:y|ies|ied|ying) (?:behind|around)",
    r"hail\w*", r"applaud\w*", r"commend\w*", r"laud\w*", r"stood by", r"stand(?:s|ing)? by", r"stand(?:s|ing)? with",
    r"(?:came|come|comes|coming) to (?:the|his|her|their) (?:defen[cs]e|aid)", r"thank\w*", r"congratulat\w*",
    r"welcom\w*", r"champion\w*", r"vouch\w*", r"credit(?:s|ed|ing)?\b(?! cards?\b)", r"advocat\w*", r"proponent",
    r"side(?:s|d)? with", r"siding with", r"embrac\w*", r"celebrat\w*", r"pay(?:s|ing)? tribute", r"paid tribute",
    r"sid(?:e|es|ed) with", r"warm(?:s|ed|ing)? to",
    r"(?:spoke|speak|speaks|speaking|spoken) (?:\S+ )?(?:highly|well|warmly|glowingly) of", r"approval of", r"approv(?:e|es|ed|ing) of",
    r"compliment\w*", r"extol\w*", r"cheer(?:s|ed|ing)?", r"salut\w*", r"gush\w*", r"grateful", r"thankful",
    r"(?:pleased|happy|delighted|thrilled) (?:with|by|about)",
    # making light of what someone is blamed for: "downplayed Trump's attack on a federal judge"
    r"downplay\w* (?:\S+ ){0,4}(?:attacks?|remarks?|comments?|words|statements?|controversy|row|gaffes?|scandal)",
    r"tout\w*", r"(?:threw|throw|throws|throwing|lent|lend|lends|lending) (?:\S+ )?support", r"sign(?:s|ed|ing)? on (?:to|with|behind)",
    r"vouch\w*", r"rave[sd]?", r"admir\w*", r"lionis\w*", r"lioniz\w*", r"honou?r(?:s|ed|ing)", r"pa(?:y|ys|id|ying) homage",
)
COMMITMENT = _rx(
    r"vow\w*", r"pledg\w*", r"(?<!was )(?<!were )(?<!been )promis\w*", r"intend\w*", r"inten(?:t|tion)", r"plan(?:s|ned|ning)? to",
    r"commit(?:s|ted|ting)? to", r"committed", r"vow", r"swor?e to", r"undert(?:ake|akes|ook) to", r"resolv\w* to",
    r"(?:is|are|was|were) (?:going|set|determined) to", r"will", r"'ll", r"shall", r"announc\w*", r"unveil\w*",
    r"threaten\w* to", r"decid\w* (?:not )?to", r"decision (?:not )?to", r"plan(?:s|ned|ning)? not to", r"confirm\w*",
)
# What an announcement announces: "announced a program to defer deportations", "it was laying off 600 workers".
ANNOUNCED = _rx(
    r"^(?:a|an|the|its|his|her|their|our|new) (?:\S+ ){0,3}(?:program|programme|plan|initiative|policy|measure|bill|deal|agreement|"
    r"partnership|investment|review|inquiry|investigation|ban|cuts?|increase|freeze|strategy|reform|fund|scheme|package)s?\b",
    r"^(?:that )?(?:it|he|she|they|we) (?:is|was|are|were|'s|'re) (?:\S+ ){0,1}\w+ing\b",
)
# Cues that announce or confirm: a decision when what follows is an action to come.
ANNOUNCING = _rx(r"will", r"'ll", r"shall", r"announc\w*", r"unveil\w*", r"confirm\w*")
# A cue that only relays what others said or did ("according to the Times", "first reported"):
# the reporter is the speaker, and the words it relays do not make its statement an act.
RELAYING = re.compile(r"(?:according to|(?:(?:was|were|has been|have been|had been) )?(?:first |also |later )?report(?:s|ed|ing)?)")
# Reported words that are a noun phrase naming the act: "their approval of the filibuster".
ACT_NOUN_PHRASE = re.compile(
    r"^(?:(?:a|an|the|their|his|her|its|our|my|strong|full|public|fierce|sharp|warm|unanimous) ){0,3}"
    r"(?:(?P<supp>approval of|support for|backing for|praise for|endorsement of|gratitude (?:to|for)|thanks to)"
    r"|(?P<crit>disapproval of|criticism of|condemnation of|opposition to|objections? to|outrage (?:at|over)|anger (?:at|over)|contempt for))"
)
# Cues whose infinitive is a wish, an attempt, a vote or a refusal, not an intention announced.
NOT_INTENT = _rx(r"hop\w*", r"wish\w*", r"want\w*", r"vot\w*", r"refus\w*", r"declin\w*", r"fail\w*", r"tr(?:y|ies|ied|ying)",
                 r"seek\w*", r"sought", r"attempt\w*", r"urg\w*", r"ask\w*", r"aim\w*", r"struggl\w*", r"expect\w*", r"respon\w*")
# Verbs after ``will``/``going to`` that predict rather than promise (``we will see``).
NOT_AN_ACTION = frozenset(
    "be win lose see happen have get know find become feel seem look hear need like love tell say "
    "admit bet guess remember think believe understand wonder continue remain "
    "save cost grow rise fall increase decrease reach generate total exceed mean "
    "pretend lie".split()  # "I'm not going to pretend it will be easy", "I won't lie to you"
)

# --- read in the quoted content ---
CONTENT_RETRACTION = _rx(
    r"(?:i|we) (?:\S+ ){0,3}retract", r"(?:i|we) (?:\S+ ){0,2}withdr(?:aw|ew)", r"(?:i|we) (?:\S+ ){0,2}(?:take|took) back",
    r"(?:i|we|he|she|they) (?:was|were|am|had been|has been|have been) wrong to (?:say|call|describe|suggest|claim|write|tweet|put it)",
    # 'I can no longer stand by that figure', 'I no longer stand by those words'
    r"(?:i|we) (?:can |could )?no longer stand by (?:that|this|those|these|my|our|the)\b",
    r"(?:i|we) (?:should (?:not|never)|shouldn't) have (?:said|written|tweeted|called)",
    r"(?:i|we) (?:\S+ ){0,2}(?:take|took|am taking|'m taking) (?:it|them|that|this|those|these|those words|my words) back",
    # "My comments were wrong": the speaker's own words judged by the speaker
    r"(?:my|our) (?:\S+ ){0,2}(?:comments?|remarks?|words|tweets?|post|statement) (?:was|were) (?:\S+ )?(?:wrong|inappropriate|unacceptable|a mistake|ill-judged|misjudged)",
    r"(?:i|we) (?:\S+ ){0,2}walk(?:ing)? back", r"(?:he|she|they) (?:\S+ ){0,3}(?:retract|withdr(?:aw|ew)|took back|walked back)",
    r"had spoken too strongly", r"spoken too strongly",
    # "he was joking", "I wasn't meaning to equate the two": what was said is not meant any more
    r"(?:i|he|she|we|they) (?:was|were|am|is|'m|'re) (?:only |just )?(?:joking|kidding)",
    r"(?:i|he|she|we|they) (?:was not|wasn't|were not|weren't) (?:meaning|trying) to", r"(?:i|he|she|we|they) (?:did not|didn't) mean (?:it|that|what)",
)
# Reported: the speaker's side admits a mistake ("the state admitted it made a mistake",
# "Carter believes his use of personal email ... was a mistake").
REPORTED_APOLOGY = _rx(
    r"^(?:that )?(?:it|he|she|they|we|i) (?:\S+ ){0,2}made (?:a|an) (?:\S+ )?(?:mistake|error)",
    r"(?:his|her|its|their|my|our) (?:\S+ ){0,10}(?:was|were) (?:a|an) (?:\S+ )?(?:mistake|error)",
    # the speaker's own pronoun: the airline said 'it was "deeply sorry"'
    r"^(?:that )?(?:it|he|she|they|we) (?:was|were|is|are|had been|has been|felt) \W*(?:\S+ ){0,2}(?:sorry|ashamed)",
    # ... or the body the speaker runs: the chief executive said 'the trust was "deeply sorry"'
    r"^(?:that )?the (?:\S+ )?(?:" + "|".join(sorted(ORG_KINDS | INSTITUTIONS | MEDIA_KINDS)) + r")"
    r" (?:was|were|is|are|had been|has been) \W*(?:\S+ ){0,2}sorry",
    # 'he took "full responsibility" for the failings'
    r"^(?:that )?(?:it|he|she|they|we) (?:\S+ ){0,2}(?:took|takes|take|accepted|accepts|accept) \W*(?:full |complete |total |personal )?responsibility",
)
# Words between a speaker and "sorry" or "apologise" that are no negation: "we will not apologise for …" is none
_NOT_NEGATED = r"(?:(?!not |never |no |nothing |won't |don't |didn't |cannot |can't |wouldn't |shouldn't |refuse\w* )\S+ )"
CONTENT_APOLOGY = _rx(
    r"(?:i|we|i'm|we're|i am|we are) " + _NOT_NEGATED + r"{0,3}(?:sorry|apologi[sz]e|apologi[sz]ed|apologi[sz]ing)",
    r"(?:i|we) (?:cannot|can't|can not) apologi[sz]e enough", r"(?:i'm|i am|we're|we are|i feel|i felt) (?:\S+ )?ashamed",
    r"(?:my|our) (?:\S+ ){0,2}apolog(?:y|ies)", r"(?:offer\w*|issu\w*|make|made|extend\w*) (?:\S+ ){0,4}apology",
    r"(?:i|we|he|she|they) (?:\S+ ){0,2}regret(?:s|ted)?\W? (?:making|saying|using|calling|describing|writing|tweeting|posting|having|my|our|his|her|their|the(?! \S+'s\b)|a|an|that i|that we|any|what|it|them|this|these|those)",
    # (not another's: 'he regretted the council's division')
    r"(?:ill-advised|was wrong of me|my mistake|i was wrong|i made a mistake|we made a mistake|i got it wrong)",
    r"(?:i|we) (?:\S+ ){0,2}got (?:it|this|that|things) (?:\S+ )?wrong", r"(?:i|we) (?:\S+ ){0,2}let (?:\S+ ){1,4}down", r"(?:i|we) (?:was|were) (?:\S+ )?out of order",
    r"(?:i|we) (?:\S+ ){0,2}(?:take|took|accept|accepted) (?:full |complete |total |personal )?responsibility for (?:my|our|the|what|this|that|these|those|any)",
    # owning up to words: "I should not have used that language"
    r"(?:i|we) (?:should|ought to)(?: not|n't| never) have (?:\S+ ){0,2}(?:said|used|made|written|tweeted|posted|called|described|shared|sent)\b",
)
# Regret for how one spoke ("I spoke in haste", "I misspoke"), read in the content alone.
_IN_HASTE = (r"(?:spoken|spoke|written|wrote|tweeted|acted) (?:\S+ ){0,2}"
             r"(?:in haste|too soon|hastily|rashly|out of turn|carelessly|thoughtlessly|insensitively|clumsily|without thinking)")
CONTENT_REGRET = _rx(r"(?:i|we) (?:\S+ ){0,2}" + _IN_HASTE, r"(?:i|we) (?:\S+ ){0,2}misspo(?:ke|ken)\b")
# ... or a mixed quote going on from the speaker's own pronoun: said she had "spoken in haste"
REGRET_GOING_ON = re.compile("^" + _IN_HASTE)
# ... or reported speech whose content starts with that pronoun: said 'she had "spoken in haste"'
REGRET_REPORTED = re.compile(r"^(?:he|she|they)(?: had| has| have|'d)? \W*(?:" + _IN_HASTE + r"|misspo(?:ke|ken)\b)")
OWN_PRONOUN_BEFORE = re.compile(r"\b(?:he|she|they|i|we)(?: had| has| have|'d)?\W*$")
# Deeds one is accused of: what a denial says one did not do.
_DEEDS = ("post|posted|write|wrote|written|tweet|tweeted|send|sent|share|shared|sign|signed|authori[sz]e|authori[sz]ed|approve|approved|"
          "order|ordered|pay|paid|leak|leaked|provide|provided|give|gave|given|harass|harassed|steal|stole|hide|hid|use|used|"
          "exaggerate|exaggerated|fabricate|fabricated|plagiari[sz]e|plagiari[sz]ed|cover|covered|mislead|misled")
CONTENT_DENIAL = _rx(
    r"(?:report|story|claim|claims|allegation|allegations|accusation|accusations|suggestion|reports|stories|that|this|it|these|rumou?rs?|"
    r"lawsuits?|suit|complaint|charges?) "
    r"(?:(?:\S+ ){0,2}|(?:of|about|into|against|on) (?:\S+ ){1,5})(?:is|are|was|were|'s) \W*(?:simply |completely |totally |entirely |categorically |just |absolutely )?"
    r"(?:untrue|not true|false|baseless|unfounded|fabricated|nonsense|wrong|a lie|lies|fake|inaccurate|unsupported|without foundation|"
    r"ridiculous|without merit|meritless|groundless)",
    # ('I did not always do that' owns up to something)
    r"(?:i|we) (?:\S+ ){0,2}(?:never|did not|didn't|have not|haven't) (?!always )(?:\S+ ){0,2}(?:said|say|do|did|make|made|meet|met|know|knew|break|broke|violate|violated|take|took|taken|"
    r"questioned|attacked|critici[sz]ed|accused|threatened|lied|insulted|pressured|influenced|received|asked|" + _DEEDS + ")"
    r"(?! (?:\S+ ){0,3}lightly\b)",  # 'we have not taken this decision lightly' denies nothing
    # reported: "that it had never provided the names", "he did not write the post"
    r"^(?:that )?(?:he|she|it|they) (?:had |has |have )?(?:never|not|did not|didn't|had not|hadn't|has not|hasn't) (?:\S+ ){0,2}(?:" + _DEEDS + ")",
    r"(?:i|we) (?:\S+ ){0,2}(?:do not|don't) (?:\S+ ){0,2}(?:break|violate|take)",  # "I don't know why" denies nothing
    # a label the speaker answers: "I'm not a racist", "people believe I'm a racist or I'm transphobic"
    r"(?:i'm|i am|we're|we are) (?:not |never )?(?:a |an )?(?:racist|sexist|bigot|liar|crook|criminal|homophob\w*|transphob\w*|"
    r"anti-semit\w*|misogynist|xenophob\w*|islamophob\w*)",
    r"(?:no|nothing) (?:\S+ ){0,2}(?:truth|basis|evidence|wrongdoing|violations?|impropriety|cover-?ups?)", r"absolutely nothing",
    r"categorically den\w*", r"(?:we|i) den(?:y|ied)", r"acted (?:lawfully|properly|appropriately)", r"(?:did|done|doing) nothing wrong",
    r"(?:has|have|had|'s|'ve) nothing to apologi[sz]e for",
    r"^there (?:is|was|has been|had been) no such (?:agreement|deal|plan|meeting|offer|approach|talks|order|report|thing)",
    # "at no point received any favours", "That is simply not what happened", "I have nothing to hide"
    r"\bat no (?:point|time|stage)\b", r"(?:i|we)(?:'m|'re| am| are| was| were| have always been) (?:\S+ ){0,2}innocent",
    r"^(?:that )?(?:he|she|they) (?:was|were|is|are|had been|has been) (?:\S+ )?innocent", r"(?:that|this|it)(?:'s| is| was) (?:simply |just |absolutely )?not what happened",
    r"(?:i|we|he|she|they) (?:have|has|had)(?: got)? nothing to hide",
    # a body's denial in so many words: 'it did not recognise the union's description of the board's response'
    r"(?:do|does|did)(?: not|n't) recogni[sz]e (?:\S+ ){0,4}(?:description|characteri[sz]ation|account|figures|claims?|picture|version|portrayal)",
    r"(?:your|their|these|the) (?:allegations|accusations|claims) (?:are|were) (?:\S+ ){0,2}(?:false|unsupported|baseless|untrue|unfounded)",
)
# The speaker's own act of criticism or support, said in the first person.
# Only adverbs and auxiliaries come between: "we will fight back" is no act of backing.
_BETWEEN = r"(?:(?:will|would|do|did|fully|strongly|still|also|really|always|completely|wholeheartedly|totally|all|certainly|absolutely|very|much|continue to|continues to|continued to|'ll) ){0,2}"
# The speaker's body named by its kind ('the cooperative welcomed …', 'the paper stood by its reporting').
_BODIES = ("cooperative|co-op|council|union|company|party|club|board|committee|campaign|government|administration|"
           "department|ministry|charity|trust|association|group|firm|team|paper|newspaper|magazine|network|broadcaster")
BODY_NOUNS = frozenset(_BODIES.split("|"))
CONTENT_CRITICISM = _rx(
    r"(?:i|we) " + _BETWEEN + r"(?:reject|condemn|deplore|oppose|denounce|disagree with|criticise|criticize)\w*",
    # support refused: "she could not support the trade deal", "he would not support it"
    r"(?:i|we|he|she|they) (?:can|could|would|will|do|does|did)(?: not|n't) (?:\S+ )?(?:support|back|endorse|vote for)\b",
    # a verdict on what was done or said: the apology was "not enough"
    r"(?:was|is|are|were) \W*(?:simply |just |still |clearly )?(?:not|n't) (?:good )?enough\W*$",
    # ... wherever it stands: "Apologies are not enough," "An apology doesn't bring back the dignity she lost"
    r"(?:an |the |his |her |their |its |this |that )?apolog(?:y|ies) (?:\S+ ){0,2}(?:is|are|was|were|does|do|did|will|would|can)"
    r"(?: not|n't) (?:\S+ )?(?:enough|bring|change|undo|make up|help|fix|repair|mean)",
    r"(?:an |the |his |her |their |its |this |that )?apolog(?:y|ies) (?:\S+ ){0,2}(?:rings?|rang|sounds?|sounded) hollow",
    # a fact-check's verdict on what someone said: the claim was "simply not supported by any data"
    r"(?:the|his|her|their|that|this|these|those) (?:claims?|statements?|assertions?|remarks?|figures?|numbers?|story|stories|report) "
    r"(?:was|is|are|were) \W*(?:\S+ ){0,2}(?:false|untrue|wrong|inaccurate|misleading|baseless|unfounded|"
    r"not (?:true|supported|accurate|correct|backed|borne out))\b",
)
CONTENT_SUPPORT = _rx(
    r"(?:i|we) " + _BETWEEN + r"(?:support|back|endorse|stand by|stand with|welcome|applaud|praise|salute|thank)\w*",
    r"(?:i'm|i am|we're|we are) with (?:her|him|you|them)\b",
    r"consider\w* the matter (?:closed|settled)",  # a party standing by its member
    # credit for owning up: 'had "shown a bit of character" by apologising quickly', 'he's owned it'
    r"(?:showed|shown|shows|show|showing) \W*(?:\S+ ){0,3}(?:character|courage|maturity|class|integrity|humility)\b",
    r"did the right thing", r"(?:has|had|'s) owned (?:it|up)",
    r"(?:i|we|he|she|they) (?:\S+ )?(?:accept(?:s|ed)?|appreciat(?:e|es|ed)) (?:\S+ ){0,2}apolog(?:y|ies)",  # 'I accept Jonny's apology'
    r"(?:i|we)(?:'d|'ll| would| will) (?:\S+ )?take (?:\S+ ){1,3}over\b",  # "I will take Bernie Sanders over Donald Trump"
    r"^(?:that )?(?:he|she|it|they|the (?:" + _BODIES + r")) (?:still |fully )?(?:stood|stands|stand) (?:by|with)",  # 'said he stood by his decision'
)
# Reported speech whose subject is the speaker acting: 'said she backed the council's decision',
# 'said he opposed the sale' (types.py checks the pronoun can be the speaker).
# (or the speaker's body, named by its kind: 'said the cooperative welcomed his change of heart')
_REPORTED_SUBJECT = r"^(?:that )?(?:he|she|they|it|(?:the|our) (?:" + _BODIES + r"))(?:'d|'ll)? " + _BETWEEN + r"(?:(?:had|has|have) )?"
# the plain form after a modal or a plural subject: 'said that they would support the release'
REPORTED_SUPPORT = _rx(_REPORTED_SUBJECT + r"(?:backed|backs|back(?! down| off| away| out)|supported|supports?|welcomed|welcomes?|endorsed|endorses?|"
                       r"praised|praises|applauded|applauds|commended|commends)\b")
REPORTED_CRITICISM = _rx(_REPORTED_SUBJECT + r"(?:opposed|opposes?|condemned|condemns?|criticis\w+|criticiz\w+|"
                         r"deplored|deplores|denounced|denounces|objected to|objects to|rejected|rejects?|disagreed with|disagrees? with)\b")
# "Does he not understand ...?": a question that scolds someone.
RHETORICAL = _rx(
    r"^(?:does|did|is|was|has|can|will|would) (?:he|she|they) not\b.*\?", r"^(?:doesn't|didn't|isn't|wasn't|hasn't|can't|won't|wouldn't) (?:he|she|they)\b.*\?",
    r"^why (?:does|did|would|is|has|won't|doesn't|can't|didn't) (?:he|she|they)\b.*\?",
    r"^who (?:do|does|did) (?:they|he|she|you) think (?:they|he|she|you)(?:'re| are| is)\b", r"^what does (?:it|this|that) say about\b.*\?",
    r"^(?:is|are|was|were|can|could|should) (?:\S+ ){1,4}(?:fit|qualified|independent|honest|ready|trustworthy|capable|sane|stable) (?:enough )?(?:to|for)\b.*\?",
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
    r"mistake", r"scaremongering", r"pie in the sky", r"smoke and mirrors", r"wishful thinking", r"(?:a )?slap in the face",
    r"(?:a )?kick in the teeth", r"(?:a )?drop in the ocean", r"(?:one |both )?hands? tied behind", r"rings? hollow",
    r"(?:serious |real |many |some )?questions to answer", r"no business (?:being|running|leading|in)\b", r"beneath (?:the|his|her|their|its|him|her|them|contempt|(?:the )?dignity)", r"rang hollow", r"too little,? too late", r"arrogant", r"insensitive", r"egregious", r"arbitrary", r"desperate", r"new low",
    r"misleading", r"inaccurate", r"misrepresent\w*", r"bully", r"neglect\w*", r"inexcusable", r"danger", r"incit\w*",
    r"hatred", r"hate", r"hates", r"mess", r"worst (?:\S+ ){0,3}(?:in (?:the )?history|ever)", r"(?:is|was|are|were) \W*the worst", r"(?:sold|sell|sells|selling) (?:\S+ )?down the river",
    r"(?:does|do|did)(?: not|n't) (?:\S+ )?understand", r"making (?:things|it|stuff) up", r"made (?:things|it|that|this) up",
    r"playing politics", r"(?:fell|falls|fall|falling) (?:far |well )?(?:below|short(?: of)?)", r"words are cheap", r"nobody believes", r"treason", r"bias", r"sold out", r"turned (?:his|her|their) back", r"walking away",
    r"rewarded failure", r"lazy", r"rabble", r"distraction", r"ill-advised", r"shot", r"unprecedented", r"rough",
    r"peddling", r"fiction", r"doom", r"attacks?", r"unlawful", r"unhappy", r"flip-flop\w*", r"hit piece",
    r"(?:too|but|so|very|was|is|came) late", r"^late", r"^overdue", r"changes nothing",
    # by meaning: incompetence, dishonesty, bigotry, cruelty, illegitimacy, harm, ridicule, anger
    r"ineffective", r"inept", r"clueless", r"ignoran\w*", r"naive", r"hapless", r"feckless", r"out of touch", r"poor (?:steward|leader\w*|judge?ment|job|choice)",
    r"mismanag\w*", r"botch\w*", r"bungl\w*", r"unprepared", r"deceit\w*", r"deceptive", r"deceiv\w*", r"fraud\w*", r"phony", r"hoax",
    r"scam", r"exaggerat\w*", r"fabricat\w*", r"distort\w*", r"smear\w*", r"untruthful", r"lied", r"discriminat\w*", r"xenophob\w*",
    r"homophob\w*", r"transphob\w*", r"islamophob\w*", r"misogyn\w*", r"anti-gay", r"anti-muslim", r"anti-semit\w*", r"demagogu\w*",
    r"divisive", r"hateful", r"racism", r"bigotry", r"immoral", r"unethical", r"inhumane", r"cruel\w*", r"heartless", r"callous", r"cynical",
    r"vile", r"unconscionable", r"reprehensible", r"abhorrent", r"repugnant", r"sad", r"degenerate\w*", r"sick",
    r"unconstitutional", r"improper\w*", r"abus(?:e|es|ed|ive)", r"rigged", r"scandal\w*", r"fiasco", r"debacle",
    r"chaos", r"chaotic", r"disarray", r"unworthy", r"untrustworthy", r"biased", r"unfair\w*", r"wasteful", r"waste", r"useless",
    r"pointless", r"worthless", r"nonsense", r"garbage", r"laughable", r"hilarious", r"bizarre", r"crazy", r"insane", r"idiot\w*",
    r"moron\w*", r"fool\w*", r"loser\w*", r"clown\w*", r"spineless", r"spine", r"coward\w*", r"puppet", r"rattled", r"frustrat\w*",
    r"angry", r"anger", r"furious", r"appall\w*", r"disappoint\w*", r"alarm\w*", r"(?:gravely|deeply) (?:concerned|troubled)",
    r"free riders?", r"no excuses?", r"no place (?:\S+ ){0,2}for", r"(?:did|does|has done|have done) nothing", r"threat to", r"undermin\w*", r"jeopardi[sz]\w*",
    r"(?:can't|cannot|can not) be (?:trusted|relied on|impartial)", r"critical of",
    r"absurdity", r"appalled", r"arrogance", r"atrocious", r"baffling", r"baseless", r"betray\w*", r"blunder\w*",
    r"bogus", r"bully\w*", r"careless\w*", r"catastroph\w*", r"cheat\w*", r"con man", r"con artist", r"conspiracy theor\w*",
    r"contempt\w*", r"crook\w*", r"damning", r"delusion\w*", r"demeaning", r"deranged", r"despot\w*",
    r"destructive", r"dictator\w*", r"dirty", r"disastrous", r"disgrac\w*", r"dishonesty", r"disingenuous", r"disloyal\w*",
    r"dismal", r"disrespect\w*", r"dodg(?:e|ed|es|ing|y)", r"dubious", r"embarrass\w*", r"erratic", r"evil",
    r"falsehood\w*", r"fearmonger\w*", r"flawed", r"foolish\w*", r"fraudulent", r"gaffe\w*", r"greed\w*",
    r"gutless", r"harmful", r"horrendous", r"hypocrisy", r"idiotic", r"ill-informed",
    r"illegitimate", r"immature", r"incoheren\w*", r"inconsisten\w*", r"incompeten\w*", r"indefensible", r"inflammatory",
    r"insincere", r"insult(?:s|ed|ing)?", r"intoleran\w*", r"irrational", r"irresponsib\w*", r"lousy", r"lunatic\w*",
    r"mean-spirited", r"mediocr\w*", r"mislead\w*", r"misguided", r"mockery", r"monstrous", r"negligen\w*",
    r"obnoxious", r"obscen\w*", r"opportunis\w*", r"pander\w*", r"paranoi\w*", r"petty",
    r"preposterous", r"propaganda", r"questionable", r"recklessness", r"regrettable",
    r"ruthless", r"scandalous", r"selfish", r"shady", r"shameless\w*", r"shoddy", r"sinister", r"sleaz\w*",
    r"sloppy", r"slur\w*", r"smug", r"stunt", r"tasteless", r"terribl[ey]", r"thug\w*", r"toxic", r"traitor\w*",
    r"treacher\w*", r"tyrann\w*", r"ugly", r"unacceptabl[ey]", r"unaccountable", r"un-?american", r"unbelievabl[ey]",
    r"unfounded", r"unhinged", r"unjust\w*", r"unprofessional", r"unreasonable", r"unrealistic", r"unstable",
    r"untrue", r"vague", r"vicious", r"vindictive", r"vulgar", r"wrongdoing", r"wrongly", r"untenable", r"fishy", r"disregard\w*", r"frown\w* (?:on|upon)", r"not (?:qualified|fit|competent)", r"tool of", r"buried under",
    r"it took (?:her|him|them) (?:\S+ ){0,2}(?:hours|days|weeks|months|years|a day|a week|a month|a year)", r"let (?:\S+ ){1,2}down", r"should be ashamed", r"owes? (?:\S+ ){0,3}an? apology",
    r"let down", r"(?:put\w*|plac\w*) (?:\S+ ){0,2}(?:lives|people|patients|children|jobs) at risk", r"no idea what", r"whitewash\w*",
    r"beggars? belief", r"ignor(?:e|es|ed|ing) (?:\S+ ){0,2}warnings?", r"turn\w* a blind eye", r"kick in the teeth", r"blood on (?:\S+ )?hands",
    r"heads? in the sand", r"out to dry", r"cover-?up", r"sham", r"farce", r"shambles", r"short-?sighted", r"not good enough", r"tone-?deaf",
    r"smoke and mirrors", r"politically motivated", r"victim of", r"clumsy fakes?", r"forger(?:y|ies)", r"the (?:very )?least (?:he|she|they|it|you|the \w+) (?:could|can|should) (?:do|have done)",
    r"actions?,? not (?:just )?words",
    r"(?:we|they|i|constituents|residents|people|patients|voters|families|parents) (?:were|was) promised",
    r"(?:no|without) (?:lawful|legal) (?:grounds|basis|authority|justification)",
    r"ruin(?:s|ed|ing)?", r"nobody (?:\S+ ){0,3}cares?", r"(?:do|does|did)(?: not|n't) deserve",
    r"should (?:\S+ )?(?:step down|resign|quit|be (?:fired|sacked|removed|impeached|prosecuted|jailed|locked up|executed|put to death))",
    r"(?:your|his|her|their|its) (?:own )?fault", r"(?:not|n't) (?:\S+ )?done (?:his|her|their|your) homework",
    r"(?:is|was|'s) not (?:a|an) (?:plan|solution|answer|strategy|excuse|fix)",
    r"slap in the face", r"heartbreaking", r"witch[- ]?hunt", r"fantasy", r"rip\w* the heart out", r"(?:chose|chosen|choos\w*|put\w*) politics (?:over|ahead of|before)", r"blank check",
)
POSITIVE = _rx(
    r"great", r"greatest", r"tremendous", r"fantastic", r"brilliant", r"excellent", r"wonderful", r"admir\w*", r"respect\w*",
    r"proud", r"hero\w*", r"courageous", r"honest", r"decent", r"qualified", r"(?<!the )(?<!a )(?<!health )trust(?!ee)\w*(?! fund)", r"confidence",  # not 'the trust' that runs a hospital
    r"gifted", r"talented", r"sharp", r"articulate", r"rising star", r"star", r"deserves? credit", r"(?<!i have )(?<!i've )earned", r"best",
    r"strong(?:er|est)? leader", r"glad", r"welcome", r"thank\w*", r"heart of", r"reason we are here", r"miscarriage of justice",
    r"(?<!know )(?<!knows )better than", r"(?:we|i) (?:still |really )?need (?:him|her)\b", r"help (?:re-?)?elect",
    r"genuine(?:ness)?", r"empathy", r"compassion\w*", r"caring", r"cared", r"generous", r"reasonable", r"sensible", r"smart",
    r"capable", r"competent", r"effective", r"experienced", r"accomplished", r"remarkable", r"extraordinary", r"outstanding",
    r"impressive", r"amazing", r"terrific", r"inspir\w*", r"principled", r"integrity", r"honou?rable", r"right place",
    r"(?:good|great|fine|terrific) job", r"thankful", r"grateful", r"pleased", r"delighted", r"convincing", r"persuasive", r"credible",
    r"stand up (?:for|against|to)", r"step in the right direction", r"(?:a )?good (?:first )?step",
    r"admirable", r"authentic", r"brave\w*", r"compassionate", r"dedicat\w*",
    r"dependable", r"deserv(?:e|es|ed|ing) (?:credit|praise|thanks|support|better)", r"devoted", r"diligent", r"distinguished", r"eloquent",
    r"exceptional", r"exemplary", r"fearless", r"gracious", r"hard-?working",
    r"honest\w*", r"humble", r"insightful", r"intelligent", r"knowledgeable", r"loyal\w*", r"magnificent",
    r"phenomenal", r"praiseworthy", r"productive", r"reliable", r"resilient",
    r"respected", r"right thing", r"role model", r"skilled", r"stellar",
    r"successful", r"superb", r"talent\w*", r"thoughtful", r"tireless\w*", r"trusted",
    r"trustworthy", r"unifier", r"unmatched", r"valuable", r"visionary",
    r"innocent", r"testify", r"colleague", r"(?:my|our|full|strong|total|unwavering|wholehearted) (?:support|backing)", r"champion", r"applaud\w*", r"commend\w*",
)
# "Public confidence in the court has plummeted": a good thing lost
LOST = re.compile(r"^\W*(?:\S+ ){0,5}(?:has |have |had )?(?:plummet\w*|plung\w*|fall(?:s|en)?|fell|dropp?\w*|declin\w*|erod\w*|"
                  r"collaps\w*|evaporat\w*|vanish\w*|crumbl\w*|sank|sunk|sinks?|tank(?:s|ed)?)\b")
NEGATORS = frozenset("not n't never no nothing hardly nobody none neither".split())
# "An MP should respect the verdict": praise that is owed is no praise given.
MODALS = frozenset("should must ought".split())
# The content says the speaker's side will act: ``we plan to``, ``he did not intend to hold back``.
CONTENT_COMMITMENT = _rx(
    r"(?:i|we|he|she|they|i'm|we're) (?:(?!(?:i|we|you|he|she|they) )\S+ ){0,3}(?:intend|intends|intended|plan|plans|planned|vow|vows|vowed|pledge|pledges|pledged|promise|promises|promised|want|wants) to(?! (?:see(?! (?:\S+ ){1,2}through\b)|hear|know|understand)\b)",  # 'we want to see action': a demand ('to see it through' acts)
    r"(?:i|we|he|she|they) (?:am|are|is|was|were) (?:\S+ ){0,1}(?:determined|committed) to", r"^(?:\S+ ){0,3}committed to",
    r"(?:i|we|he|she|they)(?:'s|'re|'m| is| are| am| was| were) (?:not )?planning (?:to|an?|the|on)\b",
    r"^(?:\S+ ){1,3}plan(?:s|ned)? to", r"^to (?:\S+ ){0,3}\w+",
    # "Our plan is to start work in January", "my first act will be to scrap the tax"
    r"^(?:\S+ ){0,2}(?:our|my) (?:\S+ ){0,2}(?:plan|aim|goal|intention|priority|job|mission|task|act|step|promise|pledge)s? (?:is|will be|remains) to \w+",
)
# Subjects that stand for the speaker's own organisation in reported speech
# (``the council would publish its budget``).
INSTITUTIONS = frozenset(
    "council department force union board company government party campaign club trust committee "
    "ministry administration office agency authority association forum cooperative paper team firm".split()
)
# The people of a speaker's side: 'his members would campaign against the sale'.
SIDE = frozenset("members supporters staff colleagues officials officers volunteers workers party".split())
# ``called X Y``: the verbs that evaluate their object with a complement.
CALLING = _rx(r"call(?:s|ed|ing)?", r"brand(?:s|ed|ing)?", r"describ\w*", r"label+\w*", r"dub(?:s|bed|bing)?", r"term(?:s|ed|ing)?")
# What calling something praises it as, besides the evaluative words: 'called the apology "a good first step"'.
CALLED_PRAISE = _rx(r"(?<!not )(?<!no )(?:a |an |the )?(?:good|positive|responsible|right|sensible|fair|welcome|important|encouraging|promising|"
                    r"bold|wise|measured|necessary) (?:\S+ )?(?:step|start|move|choice|decision|development|sign|gesture|compromise|outcome|beginning)",
                    r"step in the right direction",
                    # a verdict that something good has happened: 'called the ruling "a turning point for …"'
                    r"(?<!not a )(?<!no )(?<!hollow )(?<!pyrrhic )(?<!empty )(?<!false )(?<!dangerous )(?:turning point|landmark|milestone|breakthrough|victory|vindication|"
                    r"step forward|win for)\b")
# Nouns that make an object "someone's statement".
STATEMENT_NOUNS = frozenset(
    "statement statements comment comments remark remarks words tweet tweets post posts claim claims speech "
    "interview letter article articles report reports story allegation allegations accusation accusations "
    "attack attacks criticism suggestion suggestions assertion assertions language finding findings response "
    "apology apologies pledge promise view views message op-ed column columns essay essays writings quote quotes "
    "defence defense endorsement denial praise condemnation retraction rebuttal explanation".split()
)
# What someone proposed, offered or argued: their words when the article says whose
# ("Sanders' approach", "his proposal"), else just a thing ("the more dovish approach").
PROPOSAL_NOUNS = frozenset(
    "proposal proposals objection objections offer concerns approach argument arguments position stance "
    "idea ideas warning warnings threat threats demand demands rhetoric insults opposition".split()
)
PERSONAL_PRONOUNS = frozenset("he she him her his hers they them their we us our i me my".split())


# Cues that say a statement answers another: "responded", "in response to", "hit back".
# (the noun only as 'response to': 'described the response as "chaotic"' is the flood response)
RESPONSE = re.compile(r"\b(?:respon(?:d|ds|ded|ding)|responses? to|repl(?:y|ied|ies|ying)|retort\w*|(?:hit|hits|fired|shot) back)\b")
