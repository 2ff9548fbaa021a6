"""Short stopword lists, for the language guess when py3langid is not installed (segment.language)."""

from __future__ import annotations

_STOPWORD_LISTS = {
    "en": (
        "the and of to a in that is was he for it with as his on be at by i this had not are but from or "
        "have an they which you were her all she there would their we him been has when who will more no "
        "if out so said what up its about than into them can only other new some could time these two may "
        "then do first any my now such like our over man me even most made after also did many before must "
        "through back years where much your way well down should because each just those people mr how too "
        "little state good very make world still own see men work long get here between both life being under "
        "never day same another know while last might us great old year off come since against go came right "
        "used take three unto thee thou thy ye shall hath"
    ),
    "de": (
        "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus "
        "er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder "
        "aber vor zur bis mehr durch man sein wurde sei hatte kann gegen vom können schon wenn habe seine "
        "ihre dann unter wir soll ich eines jahr zwei jahren diese dieser wieder keine seiner worden will "
        "zwischen immer was sagte gibt alle diesem seit muss wurden weil ihr sehr"
    ),
    "fr": (
        "de la le et les des en un du une que est pour qui dans a par plus pas au sur ne se il ce sont avec "
        "son elle mais ont aux été cette nous ou comme ses vous leur tout fait sa bien sans deux ils aussi "
        "même dont être entre lui encore peut leurs après moins où avait tous si ces très avoir nos depuis "
        "notre était sous je on y"
    ),
    "es": (
        "de la que el en y a los del se las por un para con no una su al es lo como más pero sus le ya o "
        "fue este ha sí porque esta son entre está cuando muy sin sobre ser tiene también me hasta hay donde "
        "han quien están estado desde todo nos durante estados todos uno les ni contra otros fueron ese eso"
    ),
    "it": (
        "di e il la che a per in un è del non una da sono le si con i dei al come ma più lo della gli anche "
        "nel alla ha o se questo ci delle cui suo sua tra quando essere loro stato nella degli dal hanno "
        "molto fra questa dopo sua perché"
    ),
    "nl": (
        "de en van het een in is dat op te zijn met voor niet aan er die maar om als ook bij dan nog wel uit "
        "of wordt door naar heeft hij over zo ze tot wat kan al zich hun worden dit was geen meer werd zal "
        "je we veel deze onder"
    ),
    # Shorter lists for the languages the old guess did not know, enough to tell them from their neighbours.
    "pt": (
        "de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem "
        "à seu sua ou ser quando muito há nos já está também só pelo pela até isso ela entre era depois sem "
        "mesmo aos ter seus quem nas me esse eles estão você tinha foram essa num nem suas meu às minha têm "
        "numa pelos elas havia seja qual será nós tenho lhe deles essas esses pelas este fosse dele"
    ),
    "sv": (
        "och i att det som en på är av för med till den har de inte om ett han men var jag sig från vi så kan "
        "man när år säger hon under också efter eller nu sina där vid mot ska skulle kommer ut får finns vara "
        "hade alla andra mycket än här då sedan över bara blir upp även vad"
    ),
    "da": (
        "og i at det er en til på som de med han af for ikke der var mig sig men et har om vi min havde ham "
        "hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil blev kunne "
        "ind når være dog noget ville jo deres efter ned skulle denne end dette mit også under have dig anden "
        "hende mine alt meget sit sine vor mod disse hvis"
    ),
    "nb": (
        "og i det er som en på til av ikke å med har de for den et jeg var om men vi han så seg hun fra kan "
        "nå etter ut hadde skal vil blir også ble være eller når bare sin mot noe har dem opp sier meg henne "
        "dette ham hennes noen hva hvor mange mye ingen kunne bli ved nei enn hvis disse inn"
    ),
    "pl": (
        "i w nie na się z do to że a o jak ale po co tak za od jest już tylko przez jego dla czy może tym jej "
        "by go ich są był bardzo jeszcze też kiedy mu ten który która które jednak mnie być było będzie"
    ),
    "cs": (
        "a se na je že v to s z do o jako ale by jsem jsou k pro jeho už tak co po jen který která které byl "
        "byla bylo jak od za také když může ve ze při než nebo bude jejich jsme ještě mezi"
    ),
    "tr": (
        "ve bir bu da de için ile çok gibi daha o ne ama en kadar olan olarak sonra ben her şey var değil mi "
        "ki şu onun diye bana beni olduğu göre büyük ya yok ise hem"
    ),
}

STOPWORDS = {lang: frozenset(words.split()) for lang, words in _STOPWORD_LISTS.items()}
