"""Sentences in the 30 languages of lexicon.negators, denying and not, for test_negators.py: data only, kept
apart from the tests that read it."""

from __future__ import annotations

# (sentence, how many negations it states), three or more a language.
NEGATED: dict[str, list[tuple[str, int]]] = {
    "en": [
        ("The ferry did not leave on time this morning.", 1),
        ("She never answered my letters, and I don't know why.", 2),
        ("Nobody in the village had seen the stranger before.", 1),
        ("We cannot promise that the road will be open.", 1),
    ],
    "de": [
        ("Der Zug ist heute nicht pünktlich abgefahren.", 1),
        ("Sie hat keine Zeit und will auch nie darüber reden.", 2),
        ("Niemand im Dorf kannte den Fremden.", 1),
    ],
    "fr": [
        ("Le train n'est pas parti à l'heure ce matin.", 1),
        ("Elle ne répond jamais à mes lettres.", 1),
        ("Personne n'a vu l'étranger avant lundi.", 1),
        ("Il n'a rien dit, et je ne sais pas pourquoi.", 2),
    ],
    "es": [
        ("El tren no salió a su hora esta mañana.", 1),
        ("Nunca contesta a mis cartas.", 1),
        ("No vimos a nadie en la plaza.", 1),
        ("Nadie sabía dónde estaba la llave, y tampoco lo preguntamos.", 2),
    ],
    "it": [
        ("Il treno non è partito in orario stamattina.", 1),
        ("Non risponde mai alle mie lettere.", 1),
        ("Nessuno in paese conosceva lo straniero.", 1),
    ],
    "pt": [
        ("O comboio não partiu à hora certa esta manhã.", 1),
        ("Ela nunca responde às minhas cartas.", 1),
        ("Não vimos ninguém na praça.", 1),
    ],
    "nl": [
        ("De trein is vanochtend niet op tijd vertrokken.", 1),
        ("Ze beantwoordt mijn brieven nooit.", 1),
        ("Niemand in het dorp kende de vreemdeling.", 1),
        ("We hebben geen tijd en ook geen geld.", 2),
    ],
    "sv": [
        ("Tåget gick inte i tid i morse.", 1),
        ("Hon svarar aldrig på mina brev.", 1),
        ("Ingen i byn kände främlingen.", 1),
    ],
    "da": [
        ("Toget kørte ikke til tiden i morges.", 1),
        ("Hun svarer aldrig på mine breve.", 1),
        ("Ingen i landsbyen kendte den fremmede.", 1),
    ],
    "nb": [
        ("Toget gikk ikke i rute i morges.", 1),
        ("Hun svarer aldri på brevene mine.", 1),
        ("Ingen i bygda kjente den fremmede.", 1),
    ],
    "pl": [
        ("Pociąg nie odjechał dziś rano o czasie.", 1),
        ("Ona nigdy nie odpowiada na moje listy.", 1),
        ("Nikt we wsi nie znał nieznajomego.", 1),
    ],
    "cs": [
        ("Vlak dnes ráno neodjel včas, protože není strojvůdce.", 1),  # neodjel: only negated_pair sees it
        ("Nikdy neodpovídá na moje dopisy.", 1),
        ("Nikdo ve vesnici cizince neznal.", 1),
        ("Nemám čas a nechci o tom mluvit.", 2),
    ],
    "ru": [
        ("Поезд сегодня утром не ушёл вовремя.", 1),
        ("Она никогда не отвечает на мои письма.", 1),
        ("Никто в деревне не знал чужака.", 1),
        ("У нас нет времени, и я не знаю почему.", 2),
    ],
    "uk": [
        ("Потяг сьогодні вранці не вирушив вчасно.", 1),
        ("Вона ніколи не відповідає на мої листи.", 1),
        ("Ніхто в селі не знав чужинця.", 1),
        ("У нас немає часу.", 1),
    ],
    "tr": [
        ("Tren bu sabah zamanında kalkmadı.", 1),
        ("Mektuplarıma asla cevap vermiyor.", 1),
        ("Köyde kimse yabancıyı tanımıyordu.", 1),
        ("Bu doğru değil ve zamanımız yok.", 2),
    ],
    "ar": [
        ("لم يغادر القطار في موعده هذا الصباح.", 1),
        ("لا تجيب أبدا على رسائلي.", 1),
        ("ليس في القرية من يعرف الغريب.", 1),
    ],
    "he": [
        ("הרכבת לא יצאה בזמן הבוקר.", 1),
        ("היא אף פעם לא עונה למכתבים שלי.", 1),
        ("אין לנו זמן היום.", 1),
    ],
    "zh": [
        ("今天早上火车没有准时出发。", 1),
        ("她从不回我的信。", 1),
        ("村里没人认识这个陌生人。", 1),
        ("这不是我的错，我也不知道为什么。", 1),  # 也不 after a denial: "nor"
    ],
    "ja": [
        ("今朝、電車は時間通りに出発しなかった。", 1),
        ("彼女は私の手紙に決して返事をしない。", 1),
        ("村の誰もその見知らぬ人を知りませんでした。", 1),
    ],
    "ko": [
        ("오늘 아침 기차는 제시간에 출발하지 않았다.", 1),
        ("그녀는 내 편지에 답장을 안 한다.", 1),
        ("마을에서 그 낯선 사람을 아는 사람은 없었다.", 1),
        ("그것은 내 잘못이 아니다.", 1),
    ],
    # Languages detected before without rules of their own.
    "ca": [
        ("El tren no ha sortit a l'hora aquest matí.", 1),
        ("No vol pas apujar els impostos.", 1),  # no ... pas: one denial
        ("Ningú no ho sabia, i tampoc ho vam preguntar.", 2),
    ],
    "af": [
        ("Die regering sal nie die belasting verhoog nie.", 1),  # nie ... nie: one denial
        ("Ek het niks gesien nie.", 1),
        ("Hy sal nie kom nie en sy sal nie bly nie.", 2),
    ],
    "el": [
        ("Η κυβέρνηση δεν θα αυξήσει τους φόρους.", 1),
        ("Κανείς δεν ήρθε στη συνάντηση.", 1),  # n-word with δεν: one
        ("Μην ανοίγεις την πόρτα, δεν είναι ασφαλές.", 2),
    ],
    "ro": [
        ("Guvernul nu va crește taxele anul acesta.", 1),
        ("Nimeni nu a venit la întâlnire.", 1),
        ("N-a spus nimic și nici nu a scris.", 2),  # n-a: nu a; "nici nu" denies its own verb
    ],
    "hu": [
        ("A kormány nem emeli az adókat idén.", 1),
        ("Senki sem jött el a találkozóra.", 1),
        ("Soha nem láttam, és nincs is kedvem hozzá.", 2),
    ],
    "fi": [
        ("Hallitus ei nosta veroja tänä vuonna.", 1),
        ("Kukaan ei tullut kokoukseen.", 1),
        ("En tiedä, eivätkä he kertoneet mitään.", 1),  # eivätkä continues the denial, as "nor" does
    ],
    "sk": [
        ("Vláda tento rok nebude zvyšovať dane.", 1),
        ("Nikto nechce odísť.", 1),
        ("Nie je to pravda a nemá to zmysel.", 2),
    ],
    "id": [
        ("Pemerintah tidak akan menaikkan pajak tahun ini.", 1),
        ("Dia belum datang dan bukan dia pelakunya.", 2),
        ("Jangan buka pintu itu.", 1),
    ],
    "vi": [
        ("Chính phủ sẽ không tăng thuế trong năm nay.", 1),
        ("Anh ấy chưa đến và tôi chẳng biết tại sao.", 2),
        ("Đừng mở cửa.", 1),
    ],
    "hi": [
        ("सरकार इस साल कर नहीं बढ़ाएगी।", 1),
        ("दरवाज़ा मत खोलो।", 1),
        ("न वह आया न उसने फ़ोन किया।", 1),  # न ... न: neither ... nor
    ],
}

# Sentences that deny nothing, some with a negator's look-alike.
AFFIRMATIVE: dict[str, list[str]] = {
    "en": [
        "The ferry left on time this morning.",
        "Not only the bakers but also the butchers went on strike.",
        "No matter what the forecast says, we sail tomorrow.",
    ],
    "de": [
        "Der Zug ist heute pünktlich abgefahren.",
        "Nicht nur die Bäcker, auch die Metzger streiken.",
        "Er ist noch im Büro und kommt später.",
    ],
    "fr": [
        "Le train est parti à l'heure ce matin.",
        "Non seulement les boulangers, mais aussi les bouchers font grève.",
        "Il n'y a que deux personnes dans la salle.",  # ne ... que: only
        "Il est né à Lyon et il y a plus de monde qu'hier.",
        "Partez avant qu'il ne pleuve.",  # expletive ne
    ],
    "es": [
        "El tren salió a su hora esta mañana.",
        "No solo los panaderos, también los carniceros están en huelga.",
        "Gracias por todo. De nada, ha sido un placer.",
    ],
    "it": [
        "Il treno è partito in orario stamattina.",
        "Non solo i fornai, anche i macellai scioperano.",
        "Non appena arriva il treno, partiamo.",
    ],
    "pt": [
        "O comboio partiu à hora certa esta manhã.",
        "Moramos no Brasil e trabalhamos no porto.",
        "Não só os padeiros, mas também os talhantes estão em greve.",
    ],
    "nl": [
        "De trein is vanochtend op tijd vertrokken.",
        "Niet alleen de bakkers, ook de slagers staken.",
        "Ik ben pas om zes uur thuis.",
    ],
    "sv": [
        "Tåget gick i tid i morse.",
        "Inte bara bagarna utan också slaktarna strejkar.",
        "Hon svarar alltid på mina brev.",
    ],
    "da": [
        "Toget kørte til tiden i morges.",
        "Ikke kun bagerne, men også slagterne strejker.",
        "Hun svarer altid på mine breve.",
    ],
    "nb": [
        "Toget gikk i rute i morges.",
        "Ikke bare bakerne, men også slakterne streiker.",
        "Hun kjøpte ei bok til datteren sin.",
    ],
    "pl": [
        "Pociąg odjechał dziś rano o czasie.",
        "Nie tylko piekarze, ale także rzeźnicy strajkują.",
        "Ona zawsze odpowiada na moje listy.",
    ],
    "cs": [
        "Vlak dnes ráno odjel včas.",
        "Ne jen pekaři, ale i řezníci stávkují.",
        "Je to nejlepší nemocnice ve městě.",
    ],
    "ru": [
        "Поезд сегодня утром ушёл вовремя.",
        "Не только пекари, но и мясники бастуют.",
        "Что бы ни случилось, я приду.",
    ],
    "uk": [
        "Потяг сьогодні вранці вирушив вчасно.",
        "Не лише пекарі, а й м'ясники страйкують.",
        "Що б не сталося, я прийду.",
    ],
    "tr": [
        "Tren bu sabah zamanında kalktı.",
        "Tamam, namaz vaktinden sonra geliriz.",
        "Her sabah kahvaltıdan önce gazete okumayı sever.",
    ],
    "ar": [
        "غادر القطار في موعده هذا الصباح.",
        "ليس فقط الخبازون بل الجزارون أيضا مضربون.",
        "تحب المدينة لا سيما في الربيع.",
    ],
    "he": [
        "הרכבת יצאה בזמן הבוקר.",
        "הלכנו אל הבית של סבתא.",
        "לא רק האופים אלא גם הקצבים שובתים.",
    ],
    "zh": [
        "今天早上火车准时出发了。",
        "这里的风景非常美丽。",
        "未来的城市会更加绿色。",
        "别人的意见也很重要。",
        "不过，他还是来了。",
    ],
    "ja": [
        "今朝、電車は時間通りに出発した。",
        "この村には若い人が少ない。",
        "春まで迂回しなければならない。",  # must: two negations make an obligation
        "まず、必ず手を洗ってください。",
    ],
    "ko": [
        "오늘 아침 기차는 제시간에 출발했다.",
        "그는 틀림없이 올 것이다.",
        "상자 안에 사과가 있다.",
        "빵뿐만 아니라 우유도 샀다.",
    ],
    "ca": [
        "El tren ha sortit a l'hora aquest matí.",
        "Va caminar cap a la plaça amb el seu germà.",  # cap a: towards
        "Ha plogut més que mai.",
    ],
    "af": [
        "Die regering sal die belasting verhoog.",
        "Ons gaan môre see toe.",
        "Die kinders speel in die tuin.",
    ],
    "el": [
        "Η κυβέρνηση θα αυξήσει τους φόρους.",
        "Όχι μόνο ήρθε, αλλά έφερε και δώρα.",  # not only
        "Έχεις πάει ποτέ στην Κρήτη;",  # ποτέ: ever
    ],
    "ro": [
        "Guvernul va crește taxele anul acesta.",
        "Nu numai că a venit, dar a și ajutat.",  # not only
        "Copiii se joacă în grădină.",
    ],
    "hu": [
        "A kormány emeli az adókat idén.",
        "Nem csak ő jött el, hanem a testvére is.",  # not only
        "A gyerekek a kertben játszanak.",
    ],
    "fi": [
        "Hallitus nostaa veroja tänä vuonna.",
        "Lapset leikkivät puutarhassa.",
        "Ei vain hän vaan myös hänen veljensä tuli.",  # not only
    ],
    "sk": [
        "Vláda tento rok zvýši dane.",
        "Deti sa hrajú v záhrade.",
        "Nie len on, ale aj jeho brat prišiel.",  # not only
    ],
    "id": [
        "Pemerintah akan menaikkan pajak tahun ini.",
        "Tidak hanya dia, tetapi juga saudaranya datang.",  # not only
        "Anak-anak bermain di taman.",
    ],
    "vi": [
        "Chính phủ sẽ tăng thuế trong năm nay.",
        "Anh có đi không?",  # a yes-no question
        "Ví dụ chẳng hạn như Hà Nội.",  # chẳng hạn: for example
    ],
    "hi": [
        "सरकार इस साल कर बढ़ाएगी।",
        "न केवल वह आया, बल्कि उसका भाई भी आया।",  # not only
        "बच्चे बगीचे में खेल रहे हैं।",
    ],
}
