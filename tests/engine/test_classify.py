"""Change kinds: tiny literal cases per kind in English, German and French, options, and the seed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drift_viewer.engine.classify import changes_of, kind_of
from drift_viewer.engine.model import ChangeKind as K
from drift_viewer.engine.model import Op, Options, Span
from drift_viewer.engine.worddiff import word_diff

DEFAULT = Options()


def kinds(left: str, right: str, options: Options = DEFAULT) -> list[tuple[K, str, str]]:
    return [
        (c.kind, c.left_text.strip(), c.right_text.strip()) for c in changes_of(word_diff(left, right), 0, 0, options)
    ]


@pytest.mark.parametrize(
    "left,right,expected",
    [
        # typography: quotes, apostrophes, dashes, spaces
        ("He said “hello” today.", 'He said "hello" today.', [(K.TYPOGRAPHY, "“", '"'), (K.TYPOGRAPHY, "”", '"')]),
        ("It’s here.", "It's here.", [(K.TYPOGRAPHY, "It’s", "It's")]),
        ("Wait — now.", "Wait -- now.", [(K.TYPOGRAPHY, "—", "--")]),
        ("Sie sagte „gut“.", "Sie sagte »gut«.", [(K.TYPOGRAPHY, "„", "»"), (K.TYPOGRAPHY, "“", "«")]),
        ("à 10\u00a0h", "à 10 h", [(K.TYPOGRAPHY, "", "")]),
        # punctuation and case
        ("Hello, world.", "Hello world.", [(K.PUNCTUATION, ",", "")]),
        ("So unless he", "So,unless he", [(K.PUNCTUATION, "unless", ",unless")]),
        ("hello world", "Hello world", [(K.CASE, "hello", "Hello")]),
        ("Face the nation", "Face The Nation", [(K.CASE, "the", "The"), (K.CASE, "nation", "Nation")]),
        # spelling
        ("He liked the colour red.", "He liked the color red.", [(K.SPELLING, "colour", "color")]),
        ("They will re-open it.", "They will reopen it.", [(K.SPELLING, "re-open", "reopen")]),
        ("the old harbour", "the old harbor", [(K.SPELLING, "harbour", "harbor")]),
        ("we organise it", "we organize it", [(K.SPELLING, "organise", "organize")]),
        ("in the centre of town", "in the center of town", [(K.SPELLING, "centre", "center")]),
        ("they travelled far", "they traveled far", [(K.SPELLING, "travelled", "traveled")]),
        ("a sound judgement", "a sound judgment", [(K.SPELLING, "judgement", "judgment")]),
        ("they persecuted the prophets", "they persecute the prophets", [(K.REWORDED, "persecuted", "persecute")]),
        ("Die Straße ist lang.", "Die Strasse ist lang.", [(K.SPELLING, "Straße", "Strasse")]),
        ("Il est allé au café.", "Il est allé au cafe.", [(K.SPELLING, "café", "cafe")]),
        # names
        ("Avril Haines said.", "Avril Haynes said.", [(K.NAME, "Haines", "Haynes")]),
        ("by Anthony Blinken", "by Antony Blinken", [(K.NAME, "Anthony", "Antony")]),
        ("said Mr Oduya.", "said Mr Oduja.", [(K.NAME, "Oduya", "Oduja")]),
        ("Then Tomas spoke.", "Then Thomas spoke.", [(K.NAME, "Tomas", "Thomas")]),
        ("Haines said so.", "Haynes said so.", [(K.NAME, "Haines", "Haynes")]),
        ("These dogs bark.", "Those dogs bark.", [(K.REWORDED, "These", "Those")]),
        # numbers
        ("It was 55 percent.", "It was 45 percent.", [(K.NUMBER, "55", "45")]),
        ("It was 4.5 metres.", "It was 5.4 metres.", [(K.NUMBER, "4.5", "5.4")]),
        ("He waited eight days.", "He waited nine days.", [(K.NUMBER, "eight", "nine")]),
        ("Er wartete acht Tage.", "Er wartete neun Tage.", [(K.NUMBER, "acht", "neun")]),
        ("Il attend huit jours.", "Il attend neuf jours.", [(K.NUMBER, "huit", "neuf")]),
        # format: same value written otherwise
        ("He waited eight days.", "He waited 8 days.", [(K.FORMAT, "eight", "8")]),
        ("On Dec. 4 he left.", "On December 4 he left.", [(K.FORMAT, "Dec.", "December")]),
        ("On 2 April he left.", "On April 2 he left.", [(K.FORMAT, "2 April", "April 2")]),
        ("The U.S. army.", "The US army.", [(K.FORMAT, "U.S.", "US")]),
        ("Ms. Smith left.", "Ms Smith left.", [(K.FORMAT, ".", "")]),
        ("It rose 5 percent.", "It rose 5%.", [(K.FORMAT, "percent", "%")]),
        ("1,000 people", "1000 people", [(K.FORMAT, "1,000", "1000")]),
        ("Am 4. Dez. kam er.", "Am 4. Dezember kam er.", [(K.FORMAT, "Dez.", "Dezember")]),
        ("Le 4 déc. il part.", "Le 4 décembre il part.", [(K.FORMAT, "déc.", "décembre")]),
        # negation
        ("He did not go.", "He did go.", [(K.NEGATION, "not", "")]),
        ("He never came.", "He came.", [(K.NEGATION, "never", "")]),
        ("She can go.", "She can't go.", [(K.NEGATION, "can", "can't")]),
        ("Er kommt nicht.", "Er kommt.", [(K.NEGATION, "nicht", "")]),
        ("Sie hat keine Zeit.", "Sie hat Zeit.", [(K.NEGATION, "keine", "")]),
        ("Il vient.", "Il ne vient jamais.", [(K.NEGATION, "vient", "ne vient jamais")]),  # ne ... jamais: one denial
        ("The report does not mention it.", "The report didn’t mention it.", [(K.REWORDED, "does not", "didn’t")]),
        # quotes: a changed quotation is a misquote
        ('He said "reduced pace" today.', 'He said "reduced tempo" today.', [(K.QUOTE, "pace", "tempo")]),
        ("Sie sagte „gut“ heute.", "Sie sagte „schlecht“ heute.", [(K.QUOTE, "gut", "schlecht")]),
        ("Il a dit « bon » hier.", "Il a dit « mauvais » hier.", [(K.QUOTE, "bon", "mauvais")]),
        ("Er sagte »ja« dann.", "Er sagte »nein« dann.", [(K.NEGATION, "ja", "nein")]),
        # plain edits
        ("He ran quickly home.", "He walked slowly home.", [(K.REWORDED, "ran quickly", "walked slowly")]),
        ("He ran home.", "He ran home again.", [(K.INSERTED, "", "again")]),
        ("He ran home again.", "He ran home.", [(K.DELETED, "again", "")]),
    ],
)
def test_kinds(left, right, expected):
    assert kinds(left, right) == expected


def test_quote_spanning_sentences_of_a_group():
    left = "“The war will go on. It will soon stop,” he said."
    right = "“The war will go on. It will soon end,” he said."
    assert kinds(left, right) == [(K.QUOTE, "stop", "end")]
    # After the quotation closes, a change is an ordinary one.
    assert kinds("“Yes,” he said quietly.", "“Yes,” he said loudly.") == [(K.REWORDED, "quietly", "loudly")]


def test_negation_inside_a_quote_is_still_a_negation():
    assert kinds('He said "we will win".', 'He said "we will not win".') == [(K.NEGATION, "", "not")]


def test_capitalised_word_at_sentence_start_needs_a_close_spelling_to_be_a_name():
    assert kinds("It rained. Then we left.", "It rained. After that we left.") == [(K.REWORDED, "Then", "After that")]
    assert kinds("It rained. Haines left.", "It rained. Haynes left.") == [(K.NAME, "Haines", "Haynes")]


def test_kind_of_direct():
    assert kind_of("Haines", "Haynes") is K.NAME
    assert kind_of("Defence", "Defense") in (K.SPELLING, K.NAME)
    assert kind_of("“", '"') is K.TYPOGRAPHY
    assert kind_of("reduced pace", "reduced tempo", inside_quote=True) is K.QUOTE
    assert kind_of("", "new words") is K.INSERTED
    assert kind_of("old words", "") is K.DELETED
    assert kind_of("55", "45", inside_quote=True) is K.NUMBER


def test_spans_are_absolute_and_point_at_the_texts():
    left, right = "Avril Haines alluded to it.", "Avril Haynes referred to it."
    changes = changes_of(word_diff(left, right), 100, 200, Options())
    assert [(c.left, c.right) for c in changes] == [
        (Span(106, 112), Span(206, 212)),
        (Span(113, 120), Span(213, 221)),
    ]
    for c in changes:
        assert left[c.left.start - 100 : c.left.end - 100] == c.left_text
        assert right[c.right.start - 200 : c.right.end - 200] == c.right_text


@pytest.mark.parametrize(
    "options,left,right",
    [
        (Options(ignore_case=True), "hello World", "Hello world"),
        (Options(ignore_punctuation=True), "Hello, world.", "Hello world!"),
        (Options(ignore_punctuation=True), "He said “hi”.", 'He said "hi".'),
        (Options(ignore_typography=True), "It’s — here", "It's -- here"),
        (Options(ignore_whitespace=True), "a  b\n\nc", "a b c"),
        (Options(ignore_case=True, ignore_punctuation=True), "the nation.", "The Nation"),
    ],
)
def test_ignored_kinds_leave_no_changes(options, left, right):
    diff = word_diff(left, right)
    assert changes_of(diff, 0, 0, Options()), "the pair must differ without the option"
    assert changes_of(diff, 0, 0, options) == ()
    # The diff itself is untouched by the options and still rebuilds both texts.
    assert "".join(s.text for s in diff if s.op is not Op.INSERT) == left


def test_options_keep_what_they_do_not_ignore():
    assert kinds("Avril Haines said, “yes”.", "Avril Haynes said “yes”.", Options(ignore_punctuation=True)) == [
        (K.NAME, "Haines", "Haynes")
    ]
    assert kinds("hello world", "Hello world", Options(ignore_punctuation=True)) == [(K.CASE, "hello", "Hello")]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["the", "Haines", "Haynes", "55", "not", ",", ".", " ", "“", "”", '"', "colour", "color"]),
        max_size=20,
    ).map("".join),
    st.lists(
        st.sampled_from(["the", "Haines", "Haynes", "45", "never", ",", ".", " ", "“", "”", '"', "color", "«", "»"]),
        max_size=20,
    ).map("".join),
)
def test_changes_cover_every_non_equal_run(left, right):
    """Each non-equal run gives one change, or a risky change's words plus the punctuation around them,
    in order, never overlapping, each naming the text at its spans."""
    diff = word_diff(left, right)
    changes = changes_of(diff, 0, 0, Options())
    runs: list[tuple[int, int, int, int]] = []  # left and right span of each non-equal run
    lpos = rpos = 0
    for n, seg in enumerate(diff):
        starts = n == 0 or diff[n - 1].op is Op.EQUAL
        if seg.op is not Op.EQUAL and starts:
            runs.append((lpos, lpos, rpos, rpos))
        if seg.op is not Op.INSERT:
            lpos += len(seg.text)
        if seg.op is not Op.DELETE:
            rpos += len(seg.text)
        if seg.op is not Op.EQUAL:
            ls, _, rs, _ = runs[-1]
            runs[-1] = (ls, lpos, rs, rpos)
    inside = [
        next(
            k
            for k, (ls, le, rs, re_) in enumerate(runs)
            if ls <= c.left.start <= c.left.end <= le and rs <= c.right.start <= c.right.end <= re_
        )
        for c in changes
    ]
    assert sorted(set(inside)) == list(range(len(runs)))
    assert inside == sorted(inside)
    for a, b in zip(changes, changes[1:], strict=False):
        assert a.left.end <= b.left.start and a.right.end <= b.right.start
    for c in changes:
        assert left[c.left.start : c.left.end] == c.left_text
        assert right[c.right.start : c.right.end] == c.right_text


def _sentence(text: str, start: str) -> str:
    """The paragraph of `text` that begins with `start`."""
    for para in text.split("\n"):
        if para.startswith(start):
            return para.strip()
    raise AssertionError(f"no paragraph starts with {start!r}")


def test_seed_changes(seed):
    spun, original = (p.read_text(encoding="utf-8") for p in seed)

    def seed_kinds(start: str, original_start: str | None = None) -> list[tuple[K, str, str]]:
        return kinds(_sentence(spun, start), _sentence(original, original_start or start))

    haines = seed_kinds("Avril")
    assert (K.NAME, "Haynes", "Haines") in haines
    assert (K.REWORDED, "referred", "alluded") in haines
    assert any(k is K.QUOTE for k, _, _ in haines)
    defence = seed_kinds("The British Ministry")
    assert defence[0][0] in (K.SPELLING, K.NAME) and defence[0][1:] == ("Defence", "Defense")
    head = seed_kinds("The head of")
    # The quote change holds the changed words; the closing marks around them are typography of their own.
    assert (K.QUOTE, "pace", "tempo") in head
    assert (K.TYPOGRAPHY, "”", '"') in head
    assert (K.FORMAT, "US", "U.S.") in head
    assert (K.TYPOGRAPHY, "“", '"') in head
    survey = seed_kinds("The poll", "The survey")
    assert all(k is not K.NUMBER for k, _, _ in survey)  # 55 and 25 percent are the same on both sides
    assert (K.REWORDED, "does not", "didn’t") in survey  # both negative: no negation flip
    blinken = seed_kinds("Washington")
    assert (K.NAME, "Anthony", "Antony") in blinken
    assert (K.FORMAT, "US", "U.S.") in blinken


@pytest.mark.parametrize(
    ("left", "right"),
    [("Mio.", "Millionen"), ("approx.", "approximately"), ("Dr.", "Doktor")],
)
def test_an_abbreviation_written_out_is_format(left, right):
    assert kind_of(left, right) is K.FORMAT
    assert kind_of(right, left) is K.FORMAT


@pytest.mark.parametrize(
    ("left", "right"),
    [("Reparaturen", "Reparatur"), ("Russian", "Russia"), ("Stimmen", "Stimme")],
)
def test_another_form_of_a_capitalised_word_is_not_a_name(left, right):
    assert kind_of(left, right) is not K.NAME


def test_a_short_name_that_only_grows_is_still_a_name():
    assert kind_of("Jon", "Jones") is K.NAME


@pytest.mark.parametrize(
    ("left", "right", "kind"),
    [
        ("Tuesday", "Wednesday", K.NUMBER),
        ("April", "May", K.NUMBER),
        ("Dienstag", "Mittwoch", K.NUMBER),
        ("Tue.", "Tuesday", K.FORMAT),
        ("may have", "could have", K.REWORDED),
    ],
)
def test_weekdays_and_months_are_dates(left, right, kind):
    assert kind_of(left, right) is kind


@pytest.mark.parametrize(
    ("left", "right", "kind"),
    [
        # dotless abbreviations (British style) and money magnitudes
        ("Dr Helen Marsh said so.", "Doctor Helen Marsh said so.", K.FORMAT),
        ("It cost £4.3 million in all.", "It cost £4.3m in all.", K.FORMAT),
        ("It cost $2 billion in all.", "It cost $2bn in all.", K.FORMAT),
        # thousands separators: French thin space, German dot
        ("Il atteindra 1\u202f000 millions.", "Il atteindra 1000 millions.", K.FORMAT),
        ("Es kostet 1.000 Euro.", "Es kostet 1000 Euro.", K.FORMAT),
        # ordinals are numbers
        ("Le 1er mai est férié.", "Le 1 mai est férié.", K.FORMAT),
        ("on the 3rd day", "on the 4th day", K.NUMBER),
        # numbers that swap places are another result
        ("the score was 3 to 5 today", "the score was 5 to 3 today", K.NUMBER),
        # "one" as an article or a pronoun is no count
        ("cut costs by a third", "cut costs by one third", K.FORMAT),
        ("and nobody had read it", "and no one had read it", K.REWORDED),
        # a compound split with a hyphen is a spelling, even though a capital appears
        ("Die Fahrgäste warten.", "Die Fahr-Gäste warten.", K.SPELLING),
        # a capitalised name that loses a doubled letter is a name, not a house style
        ("said Professor Mary O'Neill today", "said Professor Mary O'Neil today", K.NAME),
    ],
)
def test_qa_kinds(left, right, kind):
    assert [k for k, _, _ in kinds(left, right)] == [kind]


def test_a_date_that_only_moved_within_the_sentence_is_no_number_change():
    got = kinds(
        "The committee approved the proposal on Tuesday after a long debate.",
        "On Tuesday, after a lengthy discussion, the committee approved the proposal.",
    )
    assert all(k is not K.NUMBER for k, _, _ in got)
    # ... but a date that changed is still one
    got = kinds("The vote was held on Tuesday.", "On Monday the vote was held.")
    assert any(k is K.NUMBER for k, _, _ in got)


@pytest.mark.parametrize(
    ("left", "right", "kind"),
    [
        # German capitalises every noun: after an article (and adjective) a swapped noun is a rewording
        ("Er kaufte ein neues Auto in Bonn.", "Er kaufte ein neues Fahrzeug in Bonn.", K.REWORDED),
        ("Die Kosten steigen.", "Die Ausgaben steigen.", K.REWORDED),
        ("Er sprach mit den Journalisten.", "Er sprach mit den Reportern.", K.REWORDED),
        # ... and so is a compound narrowed to its head
        ("Es gab eine Zwischenmahlzeit.", "Es gab Mahlzeit.", K.REWORDED),
        # names stay names: no article, or a close respelling after one
        ("Merkel traf Olaf Scholz gestern.", "Merkel traf Olaf Merz gestern.", K.NAME),
        ("Er sprach mit der Ministerin Schreiner.", "Er sprach mit der Ministerin Schreinert.", K.NAME),
        ("He met the President of France.", "He met the Premier of France.", K.NAME),
    ],
)
def test_german_nouns_are_not_names(left, right, kind):
    assert [k for k, _, _ in kinds(left, right)] == [kind]


@pytest.mark.parametrize(
    ("left", "right", "kind"),
    [
        # the same denial written otherwise is no flip; a prefix that denies is one
        ("The plan was unsuccessful.", "The plan was not successful.", K.REWORDED),
        ("Das ist unmöglich.", "Das ist nicht möglich.", K.REWORDED),
        ("The plan was successful.", "The plan was unsuccessful.", K.NEGATION),
        # "not only" adds, it does not deny
        ("He is not only smart, he is kind.", "He is smart, he is kind.", K.DELETED),
        # numbers in words with tens and units, units written out
        ("He is 45 years old.", "He is forty-five years old.", K.FORMAT),
        ("Er ist 45 Jahre alt.", "Er ist fünfundvierzig Jahre alt.", K.FORMAT),
        ("It was 10 km away.", "It was 10 kilometres away.", K.FORMAT),
        # a score turned round
        ("the score was 3-1", "the score was 1-3", K.NUMBER),
    ],
)
def test_qa_negations_and_numbers(left, right, kind):
    assert [k for k, _, _ in kinds(left, right)] == [kind]


def test_a_house_style_doubling_inside_a_capitalised_word_is_spelling():
    assert kind_of("Councillor", "Councilor") is K.SPELLING
    assert kind_of("Russell", "Russel") is K.NAME


@pytest.mark.parametrize(
    ("left", "right", "kind"),
    [
        ("Prices rose 3.5% in May.", "Prices rose 3,5 % in May.", K.FORMAT),  # decimal comma
        ("Prices rose 1.5% in May.", "Prices rose 15% in May.", K.NUMBER),  # a point dropped
        ("It is any more than that.", "It is anymore than that.", K.SPELLING),
        ("Am 3. März 2024 kam er.", "Am 3.3.2024 kam er.", K.FORMAT),
        ("Am 3. März 2024 kam er.", "Am 4.3.2024 kam er.", K.NUMBER),
        ("On 3 March 2024 he came.", "On 2024-03-03 he came.", K.FORMAT),
        ("He works for the EU now.", "He works for the European Union now.", K.FORMAT),
        ("He works for the WHO now.", "He works for the World Health Organization now.", K.FORMAT),
    ],
)
def test_qa_formats(left, right, kind):
    assert [k for k, _, _ in kinds(left, right)] == [kind]


def test_prefixes_that_do_not_deny_and_none_before_only():
    assert kind_of("grafted", "ingrafted") is not K.NEGATION
    assert kind_of("disannul", "annul") is not K.NEGATION
    assert kind_of("none, only", "nothing but") is K.REWORDED  # both deny


@pytest.mark.parametrize(
    ("left", "right", "kind"),
    [
        ("Murieron tres personas.", "Murieron cinco personas.", K.NUMBER),
        ("Dice que nunca subirá.", "Dice que siempre subirá.", K.NEGATION),
        ("De regering zegt nooit ja.", "De regering zegt altijd ja.", K.NEGATION),
        ("Le tasse salgono a marzo.", "Le tasse salgono ad aprile.", K.NUMBER),
        ("Il est venu le 12 avril.", "Il est venu le 12 juin.", K.NUMBER),  # French months are lower-case
        ("Il est venu lundi.", "Il est venu mardi.", K.NUMBER),
    ],
)
def test_spanish_italian_dutch_and_lower_case_dates(left, right, kind):
    assert [k for k, _, _ in kinds(left, right)] == [kind]


def test_a_list_marker_changed_at_a_line_start_is_typography():
    assert [k for k, _, _ in kinds("- Roads closed", "* Roads closed")] == [K.TYPOGRAPHY]
    assert [k for k, _, _ in kinds("Roads closed", "- Roads closed")] == [K.TYPOGRAPHY]
    assert [k for k, _, _ in kinds("Intro\n- Roads closed", "Intro\n• Roads closed")] == [K.TYPOGRAPHY]
    assert [k for k, _, _ in kinds("a - b", "a b")] == [K.PUNCTUATION]  # inside a line: a dash


def test_french_spacing_inside_guillemets_is_typography():
    got = kinds("Il a dit : « Nous gagnerons. »", 'Il a dit: "Nous gagnerons."')
    assert {k for k, _, _ in got} == {K.TYPOGRAPHY}
