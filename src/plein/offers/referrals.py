"""How many residents the IDO desk referred to an offer. The desk and its figures live in
plein.registration, which registers the counter here at start-up (offers does not import
registration: registration names offers). Without a counter every count is 0."""

from collections.abc import Callable, Iterable

_counter: Callable | None = None


def register_counter(counter: Callable[[Iterable[int], int], dict[int, int]]) -> None:
    """`counter(offer_ids, year)` -> {offer id: referrals in that calendar year}."""
    global _counter
    _counter = counter


def referrals_in_year(offer_ids: Iterable[int], year: int) -> dict[int, int]:
    """Referrals per offer in `year`, 0 for an offer without any (one query at most)."""
    offer_ids = list(offer_ids)
    counts = _counter(offer_ids, year) if _counter is not None and offer_ids else {}
    return {pk: counts.get(pk, 0) for pk in offer_ids}
