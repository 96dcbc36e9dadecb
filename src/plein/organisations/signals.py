"""What organisations announces to the apps above it, so it never has to import them.

`location_moved`: a branch now belongs to another library or lies in another municipality.
Sent inside the transaction of the change (a receiver's writes commit or roll back with it),
with `sender=Location` and the keyword arguments `location` (as it is now),
`old_organisation_id`, `old_municipality_id` and `old_province` (as it was). Registration
listens to move the branch's IDO figures to its new library and province."""

from django.dispatch import Signal

location_moved = Signal()
