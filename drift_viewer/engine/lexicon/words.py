"""Function words, negators and articles (English, German, French; negators also Spanish, Italian, Dutch)."""

from __future__ import annotations


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


NEGATIONS = _wordset(
    # English
    # "nought" / "naught": nothing, in older and British English ("came to naught", "availeth nought")
    "not no nay never none nobody nothing nought naught nowhere nowise neither nor cannot without unable n't"
    # German
    " nein nicht nichts kein keine keinen keinem keiner keines nie niemals niemand nirgends ohne weder"
    # French (ne/n' with pas, jamais, rien, plus..., and the stand-alone ones)
    " non ne pas jamais aucun aucune aucunement sans rien nul nulle ni guère"
    # Spanish, Italian, Dutch ("sin", "mai" and "sei" are left out: English sin, the month Mai, German sei)
    " nunca nada nadie ningún ninguna ninguno jamás tampoco niente nulla nessuno nessuna senza"
    " niet geen nooit niets niemand nergens zonder"
)

# Short function words: an unchanged run of only these between two rewordings is noise, not an anchor.
STOPWORDS = _wordset(
    "a an the of to in on at by for from with as and or but if so that this these those it its is"
    " was are were be been has have had he she they we you i his her their our my your which who whom"
    " what there than then der die das den dem des ein eine einen einem einer eines und oder aber zu"
    " im in am an auf aus bei mit von vom zum zur für als dass ist war sind es er sie wir ich le la"
    " les l un une des du de d au aux et ou mais à en dans sur par pour avec que qu qui il elle ils"
    " elles est sont était ce cette ces se sa son ses"
)

# German articles and determiners (not "des", a French article too): a capital after them marks a noun,
# which German capitalises, rather than a name.
GERMAN_ARTICLES = _wordset(
    "der die das den dem ein eine einen einem einer eines kein keine keinen keinem keiner keines"
    " dieser diese diesen diesem dieses jeder jede jeden jedem jedes im am zum zur vom beim"
    " sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer unser unsere unseren unserem"
)


def is_negation(word: str) -> bool:
    """`word` lower-cased and typography-folded; contractions ("didn't", French "n'est") count."""
    return word in NEGATIONS or word.endswith("n't") or word.startswith("n'")
