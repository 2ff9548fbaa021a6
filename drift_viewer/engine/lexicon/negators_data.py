"""Negation words of 30 languages, sorted by how they count (lexicon.negators counts them).

Kinds, because languages deny in different ways:
- HEAD: denies by itself, every time ("not", "nicht", "nooit"): the languages without negative concord.
- MARKER: the plain negator of a negative-concord language ("no", "non", "не", "nie", French "ne"). It counts,
  except right after an n-word of the same clause, which it only agrees with ("Никто не пришёл" is one denial).
- NWORD: a concord word ("nadie", "jamais", "никто"): counts unless its clause already denies ("No vino nadie").
- CONTINUING: "nor"-type words ("nor", "ni", "ani", "ни"): count only when nothing before them in the sentence
  denied, so "not X, nor Y" is one denial and a lone "Nor did he" is one too.
- PARTNER: concord words that never deny alone and so never count; only is_negator knows them (French
  "personne" is also "a person", "plus" "more"; Turkish "hiç" is also "ever" in questions).

IDIOMS are word pairs in which a negator does not deny: "not only", "no matter", "más que nunca" (more than
ever), "de nada" (you are welcome), "non appena" (as soon as).
"""

from __future__ import annotations

HEAD, MARKER, NWORD, CONTINUING, PARTNER = 1, 2, 3, 4, 5

# Words spelt as a negator and as something else that is common in the language itself are left out of its
# list: nb "ei" (the feminine article), Turkish "ne" (what), Hebrew "אל" ("don't", and "to": "אל הבית"),
# Arabic "ما" ("not", and "what"/"that"), Czech "nechal"/"nesl" (ne- that is no prefix: let, carried).
_WORDS: dict[str, dict[int, str]] = {
    "en": {
        HEAD: "not no never none nobody nothing nought naught nowhere neither cannot nope noone",
        CONTINUING: "nor",
    },
    "de": {
        HEAD: "nicht nichts nix kein keine keinen keinem keiner keines keins nie niemals niemand niemandem"
        " niemanden nirgends nirgendwo nirgendwohin nein keineswegs keinesfalls weder",
        # "noch" closes "weder ... noch" but is mostly "still": it never counts, "weder" counts for both.
    },
    "fr": {
        MARKER: "ne",
        NWORD: "pas jamais rien aucun aucune aucunement nullement guère non",
        CONTINUING: "ni",
        PARTNER: "personne plus point nul nulle",
    },
    "es": {
        MARKER: "no",
        NWORD: "nunca jamás nada nadie ningún ninguna ninguno ningunos ningunas tampoco",
        CONTINUING: "ni",
    },
    "it": {
        MARKER: "non",
        NWORD: "mai niente nulla nessuno nessuna nessun neanche nemmeno neppure mica",
        CONTINUING: "né",
    },
    "pt": {
        MARKER: "não",
        NWORD: "nunca jamais nada ninguém nenhum nenhuma nenhuns nenhumas tampouco",
        CONTINUING: "nem",
    },
    "nl": {
        HEAD: "niet geen nooit niets niks niemand nergens nee neen nimmer geenszins",
        CONTINUING: "noch evenmin",
    },
    "sv": {HEAD: "inte icke ej aldrig ingen inget inga ingenting ingenstans nej varken"},
    "da": {HEAD: "ikke ej aldrig ingen intet ingenting ingensteds nej hverken"},
    "nb": {HEAD: "ikke ikkje aldri ingen intet ingenting inget ingensteds nei verken hverken"},
    "pl": {
        MARKER: "nie",
        NWORD: "nigdy nic niczego niczym niczemu nikt nikogo nikomu nikim nigdzie nijak żaden żadna żadne"
        " żadnego żadnej żadnych żadnym żadnemu żadnymi bynajmniej",
        CONTINUING: "ani",
    },
    "cs": {
        # Czech writes the verb's negation as a prefix; the most frequent forms are listed (other verbs need
        # negated_pair: "nepřišel" cannot be told from "nemocnice", hospital, by its spelling).
        MARKER: "ne není nejsou nejsem nejsi nejsme nejste nebyl nebyla nebylo nebyli nebyly nebude nebudou"
        " nebudu nemá nemají nemám nemáme nemůže nemůžou nemohou nemohu nemohl nemohla nemohli nechce nechtějí"
        " nechci nechtěl nechtěla nemusí nemusel nesmí nesměl neví nevím nevěděl nelze nejde nešel nešla"
        " nedá nedal nedala nemohlo neměl neměla nemělo neměli",
        NWORD: "nikdy nic ničeho ničemu ničím nikdo nikoho nikomu nikým nikde nikam nijak žádný žádná žádné"
        " žádného žádnou žádnému žádných žádným žádní žádnými",
        CONTINUING: "ani",
    },
    "ru": {
        MARKER: "не нет нельзя нечего некого негде некуда",
        NWORD: "никогда ничего ничто ничем ничему никто никого никому никем нигде никуда ниоткуда никак"
        " никакой никакая никакое никакие никакого никакую никаких никаким отнюдь нисколько",
        CONTINUING: "ни",
    },
    "uk": {
        MARKER: "не немає нема",
        NWORD: "ніколи нічого ніщо нічим нічому ніхто нікого нікому ніким ніде нікуди нізвідки ніяк ніякий"
        " ніяка ніяке ніякі ніякого ніяких жоден жодна жодне жодного жодної жодних жодним нізащо",
        CONTINUING: "ні",
    },
    "tr": {
        # Turkish denies mostly with the verb suffix -me/-ma (negators.py finds it); these are the words.
        MARKER: "değil değildir değilim değilsin değiliz değiller değildi değilse yok yoktur yoktu hayır",
        PARTNER: "hiç hiçbir hiçkimse kimse asla katiyen",
    },
    "ar": {
        MARKER: "لا لم لن ليس ليست ليسوا لست لسنا ليسا غير ألا",
        # و/ف + negator: "and not"; after a denial it is "nor" ("لا هذا ولا ذاك").
        CONTINUING: "ولا ولم ولن وليس وليست فلا فلم فلن",
    },
    "he": {
        MARKER: "לא אין אינו אינה אינם אינן איני אינני אינך לאו שלא כשלא שאין",
        CONTINUING: "ולא ואין",
    },
    # Languages detected but without their own rules before: each counted as it denies.
    # Catalan is Spanish-like concord; "pas" ("no vol pas") and "cap" (also "head", "towards") never deny alone.
    "ca": {MARKER: "no", NWORD: "mai res ningú gens tampoc", CONTINUING: "ni", PARTNER: "pas cap"},
    # Afrikaans closes every denial with a second "nie" ("Hy sal nie kom nie", "Ek het niks gesien nie"):
    # negators.py reads that "nie" as the close of the denial before it.
    "af": {HEAD: "nie nooit geen niks niemand nêrens nee"},
    # Greek, Romanian, Hungarian and Finnish n-words ("κανείς", "nimeni", "senki", "kukaan") always stand
    # with the clause's own negator ("Κανείς δεν ήρθε", "Nimeni nu a venit", "Senki sem jött", "Kukaan ei
    # tullut"): only the negator counts. Finnish denies with a verb of its own, conjugated (en, et, ei...).
    "el": {
        MARKER: "δεν δε μην μη",
        HEAD: "όχι",
        CONTINUING: "ούτε ουδέ",
        PARTNER: "ποτέ τίποτα τίποτε κανείς κανένας καμία κανένα κανέναν πουθενά καθόλου",
    },
    "ro": {MARKER: "nu n", CONTINUING: "nici", PARTNER: "niciodată nimic nimeni niciun nicio nicăieri deloc defel"},
    "hu": {
        MARKER: "nem ne nincs nincsen nincsenek",
        CONTINUING: "sem sincs sincsen",
        PARTNER: "senki semmi semmit soha sehol sehova semmilyen semennyi",
    },
    "fi": {
        HEAD: "en et ei emme ette eivät älä älkää ellei ellen ellet ellemme ellette elleivät jottei jotten jottet"
        " jottemme jottette jotteivät ettei etten ettet ettemme ettette etteivät",
        CONTINUING: "eikä enkä etkä emmekä ettekä eivätkä",
        PARTNER: "koskaan mitään kukaan missään mikään ollenkaan lainkaan",
    },
    "sk": {
        MARKER: "nie ne nemá nemajú nebude nebudú nebol nebola nebolo neboli nemôže nemohol nemohla nechce"
        " nevie nemusí nesmie",
        NWORD: "nikdy nič ničoho nikto nikoho nikomu nikde nijako žiadny žiadna žiadne žiadneho žiadnu žiadnych",
        CONTINUING: "ani",
    },
    "id": {HEAD: "tidak tak bukan belum jangan tiada"},
    # Vietnamese "không"/"chưa" before a question mark ask, they do not deny ("Anh có đi không?").
    "vi": {HEAD: "không chẳng chả chưa đừng chớ"},
    # Hindi: "न ... न" is neither ... nor.
    "hi": {HEAD: "नहीं नही मत", CONTINUING: "न"},
    # zh, ja and ko are counted by characters and endings in negators.py; these are their stand-alone words.
    "zh": {HEAD: "不 没 没有 未 无 非 别 勿 甭 并不 并非 从不 从未 毫无 尚未 不是"},
    "ja": {HEAD: "ない なかった なく ません ず ぬ いいえ ではない じゃない"},
    "ko": {HEAD: "안 못 않다 없다 아니다 아니 아니요 아뇨 아닌 아닙니다 마 마세요 마라 말라"},
}

IDIOMS: dict[str, str] = {
    # "w1 w2" pairs, one of them a negator that says nothing negative there.
    "en": "not only|not just|not merely|no matter|no doubt",
    "de": "nicht nur|nicht bloß|nicht allein",
    "fr": "non seulement|non plus|ne serait",
    "es": "no solo|no sólo|no solamente|no obstante|que nunca|de nada|antes nada",
    "it": "non solo|non soltanto|non appena|che mai|come mai|se mai|di niente",
    "pt": "não só|não somente|não apenas|que nunca|de nada",
    "nl": "niet alleen|niet enkel|niet slechts",
    "sv": "inte bara|inte endast|icke desto",
    "da": "ikke kun|ikke blot|ikke alene|ikke bare",
    "nb": "ikke bare|ikke kun|ikke bare",
    "pl": "nie tylko|nie jedynie",
    "cs": "ne jen|ne pouze|ne jenom|ne až",
    "ru": "не только|не лишь|не раз|чуть не",
    "uk": "не лише|не тільки|не раз|мало не",
    "ar": "ليس فقط|لا سيما|لا بد",
    "he": "לא רק",
    "ca": "no només|no sols|no solament|que mai",
    "el": "όχι μόνο|όχι μόνον",
    "ro": "nu numai|nu doar|nici măcar",
    "hu": "nem csak|nem csupán|nem pusztán",
    "fi": "ei vain|ei ainoastaan|ei pelkästään",
    "sk": "nie len|nie iba",
    "id": "tidak hanya|tak hanya|bukan hanya|bukan saja|tidak saja",
    "vi": "không chỉ|không những|chẳng hạn|chẳng những",
    "hi": "न केवल|न सिर्फ",
}

# "not only" idioms whose second word also means "alone": "Wir lassen sie nicht allein" denies ("we do not
# leave her alone"), "nicht allein X, sondern auch Y" adds. They read as the idiom only where the sentence
# goes on with its "but (also)".
ALONE_IDIOMS: dict[tuple[str, str], frozenset[str]] = {
    ("nicht", "allein"): frozenset({"sondern", "auch"}),
    ("niet", "alleen"): frozenset({"maar", "ook"}),
    ("ikke", "alene"): frozenset({"men", "også"}),
}

# The "without" words: absence said with a preposition. The classifier pairs them with PRESENCE_WORDS itself
# ("with" -> "without" flips, "without" -> "with no" does not), so count_negations leaves them out.
ABSENCE: dict[str, str] = {
    "en": "without",
    "de": "ohne",
    "fr": "sans",
    "es": "sin",
    "it": "senza",
    "pt": "sem",
    "nl": "zonder",
    "sv": "utan",  # also "but" after a denial ("inte X utan Y"): the classifier sees which by the pair
    "da": "uden",
    "nb": "uten",
    "pl": "bez",
    "cs": "bez",
    "ru": "без",
    "uk": "без",
    "tr": "olmadan olmaksızın",  # and the suffixes -sız/-siz/-madan/-meden, which a word list cannot hold
    "ar": "بدون دون بلا",
    "he": "בלי ללא בלא",
    "zh": "",  # 没有/无 both deny and mean "without"; they are counted as negations
    "ja": "なしで なしに 抜きで 抜きに",
    "ko": "없이",
    "ca": "sense",
    "af": "sonder",
    "el": "χωρίς",
    "ro": "fără",
    "hu": "nélkül",
    "fi": "ilman",
    "sk": "bez",
    "id": "tanpa",
    "vi": "",
    "hi": "बिना",
}
PRESENCE: dict[str, str] = {
    "en": "with",
    "de": "mit",
    "fr": "avec",
    "es": "con",
    "it": "con",
    "pt": "com",
    "nl": "met",
    "sv": "med",
    "da": "med",
    "nb": "med",
    "pl": "z ze",
    "cs": "s se",
    "ru": "с со",
    "uk": "з із зі",
    "tr": "ile",
    "ar": "مع",
    "he": "עם",
    "zh": "有 带",
    "ja": "ありで 付きで",
    "ko": "함께",
    "ca": "amb",
    "af": "met",
    "el": "με",
    "ro": "cu",
    "hu": "",
    "fi": "kanssa",
    "sk": "s so",
    "id": "dengan",
    "vi": "",
    "hi": "साथ",
}

# Left out of the union used when the language is unknown, each a common non-negative word elsewhere:
# Portuguese "no" (in the), Italian "ne" (of it) and Turkish "ne" (what), Dutch "pas" (only, just),
# French "né" (born), German "noch" (still), Romanian/German "mai" (more / May), nb "ei" (a).
UNION_EXCLUDED = frozenset({"no", "ne", "pas", "né", "noch", "mai", "ei"})
# Languages whose words stay out of the union: short words of theirs are other languages' common words
# (Finnish "en", "et"; Afrikaans "nie"; Indonesian "tak"; Romanian "nu", "n"; Slovak "nie" is Polish's).
UNION_OWN_ONLY = frozenset({"ca", "af", "ro", "hu", "fi", "sk", "id", "vi"})

# Prefixes that deny the word they are written onto, for negated_pair. English in-/dis- are left out:
# "inflammable" and "discover" do not deny "flammable" and "cover".
PREFIXES: dict[str, tuple[str, ...]] = {
    "en": ("un", "non", "non-"),
    "de": ("un", "nicht-"),
    "fr": ("in", "im", "il", "ir", "mé", "mal", "dés", "non-"),
    "es": ("in", "im", "des"),
    "it": ("in", "im", "dis", "s"),
    "pt": ("in", "im", "des"),
    "nl": ("on", "niet-"),
    "sv": ("o",),
    "da": ("u",),
    "nb": ("u",),
    "pl": ("nie",),
    "cs": ("ne",),
    "sk": ("ne",),
    "ro": ("ne",),
    "ca": ("in", "im", "des"),
    "af": ("on",),
    "ru": ("не",),
    "uk": ("не",),
    "ar": ("لا", "غير"),
    "he": ("אי-", "אי־", "לא-", "לא־", "בלתי-"),
    "zh": ("不", "没", "未", "非", "无", "别"),
}


def kinds(language: str) -> dict[str, int]:
    """word -> kind for one language (an empty dict for a language without a list)."""
    found: dict[str, int] = {}
    for kind, words in _WORDS.get(language, {}).items():
        for word in words.split():
            found[word] = kind
    return found


LANGUAGES = tuple(_WORDS)


def _split(text: str) -> list[str]:
    return text.split()


# --- for the counting rules of negators.py ---------------------------------------------------------------

TR_VERB_NEGATIVE = (
    # The negative suffix -me/-ma in its tense forms; verbal nouns (gelme, gelmesi), "-madan" (without,
    # an absence) and the necessitative "gelmeli" (must come) have other shapes and are not matched.
    r"..(?:m[ıiuü]yor|m[ae]d[ıiuü]|m[ae]m[ıiuü]ş|m[ae]y[ae]c[ae][kğ]|m[ae]m[ae][kğl]|m[ae]y[ıi]p|m[ae]y[ae]n"
    r"|m[ae]z(?:$|d|s|l|[ıi]m|[ıi]n|[ıi]z)|m[ae]m(?:$|[ıi]z)|m[ae]s[ıi]n$|m[ae]s[ae](?:$|[mnky]))"
)
TR_NOT_VERBS = frozenset({"namaz", "yılmaz", "tamam", "imam", "hamam", "madam"})
WH = frozenset(
    _split(
        "кто что где куда когда как какой какая какое какие сколько чей хто що де куди коли як який яка яке які скільки"
    )
)
CONCESSIVE = frozenset({"бы", "б", "би"})
EXPLETIVE_CONTEXT = frozenset({"avant", "moins", "peur", "crainte"})

ZH_NEGATORS = "不没未别无非勿甭"
# Compounds with a negator character that do not deny; each is cut out before counting.
ZH_NOT_DENYING = (
    # however, no matter (x2), not only (x5), constantly, soon, many, must, unavoidably, can't help,
    # worthy of, pretty good, otherwise, or else, might as well, more than
    "不过 不管 不论 不但 不仅 不只 不单 不光 不断 不久 不少 不得不 不免 不禁 不愧 不错 不然 要不 不妨 不止"
    " 差不多 了不起 对不起 不好意思 不得了"  # almost, amazing, sorry, extremely
    " 非常 除非 是非 非洲 无论 无数 无比 无疑 无非 无不 未来 未免"  # very, unless, right/wrong, Africa, ...
    " 别人 别的 特别 分别 区别 告别 级别 类别 性别 个别 别墅 离别 辨别 识别 鉴别 差别 派别 送别 道别"
    " 临别 判别 别处 别针 别名 别致 别扭"  # others, other, special, separately, difference, ...: 别 = other
    " 淹没 埋没 出没 沉没 吞没 覆没 隐没 没收"  # 没 read mò: submerge, bury, confiscate
)

ZH_ALSO = "也亦"

# Cut out first: words that only look negative (見知らぬ "unfamiliar", 少ない "few", まず "first"), and obligations (しなければならない "must", two
# negations that make a positive).
JA_NOT_DENYING = (
    r"見知らぬ|少な|危な|切な|すくな|あぶな|せつな|おさな|はかな|つたな|きたな|間もな|まもな|ほどな|亡く"
    r"|な(?:ければ|くては|くちゃ|きゃ|いと)(?:なら|いけ|なり|だめ)(?:ない|なかった|ません|ず|ぬ)?"
    r"|ねばなら(?:ない|ぬ|なかった)?"
    r"|だけ(?:では|で|じゃ)なく|のみならず|にかかわらず|に関わらず|相変わらず|思わず|必ず|かならず|まず"
)
JA_NEGATIVE = (
    r"(?:な|無)(?:い|かっ|く|けれ|きゃ)"  # ない, なかった, なく(て), なければ
    r"|ません"
    r"|(?<=[かさたなまらわがばざせ])ず(?![つっかいれむ])"  # 知らず, せずに; not ずつ, ずっと, わずか
    r"|(?<=[かさたなまらわがばざ])ぬ(?![きぐけいっ])"  # 知らぬ; not たぬき
    r"|いいえ"
)

# -지 않다 / -지 못하다 and the prohibitive -지 마(세요).
KO_NEGATIVE_STARTS = ("않", "못하", "못했", "못한", "못할", "못해", "마세요", "마십시오", "마라", "말라")
# 없 words that do not deny: certainly, constantly (x2), no different, endlessly, unhesitatingly, suddenly,
# absurd (x2), unexpected, doesn't matter, regardless.
KO_NOT_DENYING = tuple(
    _split("틀림없 어김없 끊임없 쉴새없 다름없 하염없 거침없 느닷없 어처구니없 어이없 난데없 상관없 관계없")
)

EN_CONTRACTED = {"won't": "will", "can't": "can", "cannot": "can", "shan't": "shall", "ain't": "am"}

JA_NEG_ENDINGS = ("ませんでした", "ません", "なかった", "なければ", "ではない", "じゃない", "ない", "なく", "ず", "ぬ")
JA_POS_ENDINGS = ("ました", "ます", "でした", "です", "だ", "た", "て")
JA_IRREGULAR = {"する": "し", "します": "し", "した": "し", "くる": "こ", "来る": "来"}
