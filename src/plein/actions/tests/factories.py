import factory

from plein.actions.choices import ActionOrigin, ActionStatus
from plein.actions.models import Action
from plein.organisations.tests.factories import OrganisationFactory


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    library = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Actie {n}")
    description = "Iets wat de bibliotheek gaat doen."
    status = ActionStatus.IDEA
    origin = ActionOrigin.OWN

    class Params:
        from_meeting = factory.Trait(
            origin=ActionOrigin.MEETING,
            meeting_action_item=factory.SubFactory(
                "plein.actions.tests.factories.MeetingActionItemFactory",
            ),
        )


class MeetingActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "themegroups.MeetingActionItem"

    meeting = factory.SubFactory("plein.themegroups.tests.factories.MeetingFactory")
    title = factory.Sequence(lambda n: f"Actiepunt {n}")
