import factory

from plein.actions.choices import ActionOrigin, ActionStatus
from plein.actions.models import Action
from plein.organisations.tests.factories import OrganisationFactory


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action
        skip_postgeneration_save = True

    library = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Actie {n}")
    description = "Iets wat de bibliotheek gaat doen."
    status = ActionStatus.IDEA
    origin = ActionOrigin.OWN

    class Params:
        from_meeting = factory.Trait(origin=ActionOrigin.MEETING, meeting_action_item=True)

    @factory.post_generation
    def meeting_action_item(obj, create, extracted, **kwargs):
        """`meeting_action_item=item` links the action to an item of a meeting (through
        `themegroups.MeetingActionLink`); `from_meeting=True` makes the item (fields for it as
        `meeting_action_item__meeting=...`)."""
        if not create or (extracted is None and not kwargs) or extracted is False:
            return
        from plein.themegroups.models import MeetingActionLink

        item = MeetingActionItemFactory(**kwargs) if extracted in (None, True) else extracted
        MeetingActionLink.objects.create(item=item, action=obj, library=obj.library)


class MeetingActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "themegroups.MeetingActionItem"

    meeting = factory.SubFactory("plein.themegroups.tests.factories.MeetingFactory")
    title = factory.Sequence(lambda n: f"Actiepunt {n}")
