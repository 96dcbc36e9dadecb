"""Dutch for issue 11 (helper tg): theme groups keep the link from an action to the meeting it
was agreed in."""

NL = {
    "action from a meeting": "actie uit een bijeenkomst",
    "actions from meetings": "acties uit bijeenkomsten",
}
