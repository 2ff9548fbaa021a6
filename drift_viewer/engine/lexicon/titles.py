"""Titles and forms of address: "Mayor Katrin Oduya", "Ms. Ines Varga", "Präsident Macron", "Sr. López".

A title stands before a name and wears a capital there, but it is a common noun of its language: the
fact table lists the name ("Oduya"), not "Mayor". A closed class, like the function words: each
language's forms of address and the offices news writes before a name. Lower case, without the stop an
abbreviation may carry.
"""

from __future__ import annotations

from .words import _wordset

TITLES = _wordset(
    # English
    "mr mrs ms mx miss dr prof sir dame lord lady rev mayor president minister premier senator sen governor"
    " gov general gen judge justice queen princess pope cardinal archbishop chancellor"
    " ambassador professor doctor captain capt colonel col commander commissioner sheriff inspector"
    " detective sergeant sgt lieutenant lt admiral marshal rabbi imam reverend councillor councilor"
    " congressman congresswoman rep speaker chairman chairwoman deputy vice"
    # German (nouns are capitalised anyway; these also stand before names in other languages' texts)
    " herr frau hr fr präsident präsidentin ministerin kanzler kanzlerin bürgermeister bürgermeisterin"
    # French, Spanish, Italian, Portuguese, Catalan
    " m mme mlle monsieur madame maire présidente ministre sénateur sénatrice juge roi reine pape général"
    " sr sra srta doña señor señora alcalde alcaldesa presidente presidenta ministro ministra senador"
    " senadora reina papa juez jueza sig signor signore signora dott sindaco sindaca regina generale"
    " senhor senhora prefeito prefeita rei rainha sra"
    # Dutch, Scandinavian, Polish, Czech, Russian, Ukrainian
    " dhr mevr burgemeester koning koningin fru statsminister borgmästare kung drottning hr fr ordfører"
    " pan pani prezydent burmistrz pán paní prezident starosta"
    " господин госпожа президент премьер министр мэр губернатор пан пані президент"
)
