"""Dutch for issue 10, part B: the period of the figures and what it is compared with."""

NL = {
    # registration/periods.py
    "Same week a year earlier": "Zelfde week een jaar eerder",
    "Same period a year earlier": ("Zelfde periode een jaar eerder", "Zelfde periode %(years)s jaar eerder"),
    "You see the last full month. Choose another period below.": "U ziet de laatste hele maand. Hieronder kiest u een andere periode.",
    "Registrations from %(period)s.": "Registraties van %(period)s.",
    "This week is not over yet: the figures run up to and including today.": "Deze week is nog niet voorbij: de cijfers lopen tot en met vandaag.",
    "This month is not over yet: the figures run up to and including today.": "Deze maand is nog niet voorbij: de cijfers lopen tot en met vandaag.",
    "This quarter is not over yet: the figures run up to and including today.": "Dit kwartaal is nog niet voorbij: de cijfers lopen tot en met vandaag.",
    "This year is not over yet: the figures run up to and including today.": "Dit jaar is nog niet voorbij: de cijfers lopen tot en met vandaag.",
    "This period is not over yet: the figures run up to and including today.": "Deze periode is nog niet voorbij: de cijfers lopen tot en met vandaag.",
    "This period has not started yet.": "Deze periode is nog niet begonnen.",
    "They are compared with the same weekdays 52 weeks earlier (%(previous)s).": "Ze worden vergeleken met dezelfde dagen 52 weken eerder (%(previous)s).",
    "They are compared with the same period a year earlier (%(previous)s).": (
        "Ze worden vergeleken met dezelfde periode een jaar eerder (%(previous)s).",
        "Ze worden vergeleken met dezelfde datums %(years)s jaar eerder (%(previous)s).",
    ),
    "Today is not in the chart, because the day is not over yet. The table below does show it.": "Vandaag staat niet in de grafiek, want de dag is nog niet om. De tabel hieronder toont vandaag wel.",
    "This week is not in the chart, because it is not over yet. The table below does show it.": "Deze week staat niet in de grafiek, want de week is nog niet om. De tabel hieronder toont deze week wel.",
    "This month is not in the chart, because it is not over yet. The table below does show it.": "Deze maand staat niet in de grafiek, want de maand is nog niet om. De tabel hieronder toont deze maand wel.",
    # registration/templates/registration/figures.html, exports.py
    "Visits and questions in this period and in the period it is compared with": "Bezoeken en vragen in deze periode en in de periode waarmee vergeleken wordt",
    "not over yet": "nog niet voorbij",
    "Count a year earlier": "Aantal een jaar eerder",
    # api
    "In the same period a year earlier (previous_period).": "In dezelfde periode een jaar eerder (previous_period).",
    "Visits and questions of the key's library, or of one of its branches, in a period: totals and counts per category, each with the same period a year earlier, and a series over time.": "Bezoeken en vragen van de bibliotheek van de sleutel, of van een van haar vestigingen, in een periode: totalen en aantallen per categorie, steeds met dezelfde periode een jaar eerder, en een reeks in de tijd.",
}
