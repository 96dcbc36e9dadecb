"""Pages for managing the offer (/ons-aanbod/): the list of a library's offers, the internal
offer page (with the IDO's referrals this year), create and change, publish and withdraw,
delete a draft, weekly hours and closed periods, dated sessions, and an offer made in one step
from an EMB programme or an IDO service profile. Thin: reads in `selectors_manage`, writes in
`services`; who may do what in `plein.access.rules` (`offers.*`)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from plein.common.forms import add_service_errors
from plein.common.views_base import PleinPermissionMixin

from . import referrals, services
from . import selectors_manage as selectors
from .choices import Bring, Facility, Schedule
from .forms import BranchForm, ClosureFormSet, HoursFormSet, OfferForm, PublishForm, SessionForm


def _list_url(library) -> str:
    return reverse("offers:manage_library", args=[library.uuid])


def _detail_url(offer) -> str:
    return reverse("offers:manage_detail", args=[offer.uuid])


def _index_crumb():
    return (_("Our offer"), reverse("offers:manage_list"))


def _library_crumbs(library, *extra):
    return [_index_crumb(), (_("Offer of %(library)s") % {"library": library.name}, _list_url(library)), *extra]


class IndexView(PleinPermissionMixin, View):
    """/ons-aanbod/: a coordinator sees the offers of their own library; an administrator or a
    facilitator the libraries they may look at, with what each has published and has to check."""

    permission_required = "offers.use_offers"

    def get(self, request):
        library = selectors.own_library(request.user)
        if library is not None:
            return _library_page(request, library, crumbs=[(_("Our offer"), "")])
        return render(
            request,
            "offers/manage/index.html",
            {
                "page_title": _("Offer of the libraries"),
                "libraries": list(selectors.libraries_overview(request.user)),
            },
        )


def _library_page(request, library, *, crumbs):
    today = timezone.localdate()
    offers = list(selectors.offers_of(library))
    for offer in offers:
        offer.flag_review = offer.review_due(today)
    return render(
        request,
        "offers/manage/list.html",
        {
            "page_title": _("Offer of %(library)s") % {"library": library.name},
            "breadcrumbs": crumbs,
            "library": library,
            "offers": offers,
            "due": sum(1 for offer in offers if offer.flag_review),
            "can_change": request.user.has_perm("offers.change_offer", library),
        },
    )


class LibraryMixin(PleinPermissionMixin):
    @cached_property
    def library(self):
        return selectors.library_get(user=self.request.user, uuid=self.kwargs["uuid"])

    def get_permission_object(self):
        return self.library


class LibraryView(LibraryMixin, View):
    permission_required = "offers.view_offer"

    def get(self, request, uuid):
        library = self.library
        crumbs = [_index_crumb(), (_("Offer of %(library)s") % {"library": library.name}, "")]
        return _library_page(request, library, crumbs=crumbs)


def _offer_form(library, data=None, instance=None, initial=None):
    return OfferForm(
        data,
        instance=instance,
        initial=initial,
        library=library,
        branches=selectors.branch_choices(library),
        partners=selectors.partner_choices(library),
        programmes=selectors.programme_choices(library),
    )


def _render_offer_form(request, *, form, title, crumbs, cancel_url, status=200):
    return render(
        request,
        "offers/manage/offer_form.html",
        {"page_title": title, "breadcrumbs": crumbs, "form": form, "cancel_url": cancel_url},
        status=status,
    )


class CreateView(LibraryMixin, View):
    permission_required = "offers.change_offer"

    def title(self):
        return _("New offer")

    def get(self, request, uuid):
        return self.render(_offer_form(self.library))

    def post(self, request, uuid):
        form = _offer_form(self.library, request.POST)
        if form.is_valid():
            try:
                offer = services.offer_create(library=self.library, acting_user=request.user, **form.service_data())
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The offer is saved as a draft. Add when it takes place, then publish it."))
                return redirect(_detail_url(offer))
        return self.render(form, status=400)

    def render(self, form, status=200):
        return _render_offer_form(
            self.request,
            form=form,
            title=self.title(),
            crumbs=_library_crumbs(self.library, (self.title(), "")),
            cancel_url=_list_url(self.library),
            status=status,
        )


class OfferMixin(PleinPermissionMixin):
    @cached_property
    def offer(self):
        return selectors.offer_get(user=self.request.user, uuid=self.kwargs["uuid"])

    def get_permission_object(self):
        return self.offer.library

    def crumbs(self, *extra):
        offer = self.offer
        return _library_crumbs(offer.library, (offer.title, _detail_url(offer)), *extra)


class DetailView(OfferMixin, View):
    """The internal offer page: everything, the public link when published, and how many
    residents the IDO referred to it this year (never shown publicly)."""

    permission_required = "offers.view_offer"

    def get(self, request, uuid):
        offer = self.offer
        today = timezone.localdate()
        sessions = list(offer.sessions.all())
        public_url = ""
        if offer.is_published:
            public_url = (
                request.build_absolute_uri(reverse("offers:offer", args=[offer.library.slug, offer.slug]))
                if _has_public_page()
                else ""
            )
        return render(
            request,
            "offers/manage/detail.html",
            {
                "page_title": offer.title,
                "breadcrumbs": _library_crumbs(offer.library, (offer.title, "")),
                "offer": offer,
                "themes": [t.get_theme_display() for t in offer.themes.all()],
                "bring_labels": [Bring(code).label for code in offer.bring if code in Bring.values],
                "facility_labels": [Facility(code).label for code in offer.facilities if code in Facility.values],
                "hours": list(offer.hours.all()),
                "closures": list(offer.closures.all()),
                "sessions": sessions,
                "now": timezone.now(),
                "review_due": offer.review_due(today),
                "problems": [] if offer.is_published else services.publish_problems(offer),
                "public_url": public_url,
                "year": today.year,
                "referrals": referrals.referrals_in_year([offer.pk], today.year)[offer.pk],
                "can_change": request.user.has_perm("offers.change_offer", offer.library),
                "weekly": offer.schedule == Schedule.WEEKLY,
            },
        )


def _has_public_page() -> bool:
    """The public offer page is built in another part of this issue: link to it once it exists."""
    from django.urls import NoReverseMatch

    try:
        reverse("offers:offer", args=["a", "b"])
    except NoReverseMatch:
        return False
    return True


class EditView(OfferMixin, View):
    permission_required = "offers.change_offer"

    def title(self):
        return _("Change %(offer)s") % {"offer": self.offer.title}

    def get(self, request, uuid):
        return self.render(_offer_form(self.offer.library, instance=self.offer))

    def post(self, request, uuid):
        form = _offer_form(self.offer.library, request.POST, instance=self.offer)
        if form.is_valid():
            try:
                services.offer_update(offer=self.offer, acting_user=request.user, **form.service_data())
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The offer is saved."))
                return redirect(_detail_url(self.offer))
        return self.render(form, status=400)

    def render(self, form, status=200):
        return _render_offer_form(
            self.request,
            form=form,
            title=self.title(),
            crumbs=self.crumbs((self.title(), "")),
            cancel_url=_detail_url(self.offer),
            status=status,
        )


class PublishView(OfferMixin, View):
    """GET: what is still missing, and the review date; POST: publish."""

    permission_required = "offers.change_offer"

    def get(self, request, uuid):
        return self.render(PublishForm(initial={"review_on": self.offer.review_on}))

    def post(self, request, uuid):
        form = PublishForm(request.POST)
        if form.is_valid():
            try:
                offer = services.publish(
                    offer=self.offer, acting_user=request.user, review_on=form.cleaned_data["review_on"]
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Published: residents can now find %(offer)s. Check it again on %(date)s.")
                    % {"offer": offer.title, "date": offer.review_on.strftime("%d-%m-%Y")},
                )
                return redirect(_detail_url(offer))
        return self.render(form, status=400)

    def render(self, form, status=200):
        offer = self.offer
        title = _("Publish %(offer)s") % {"offer": offer.title}
        return render(
            self.request,
            "offers/manage/publish.html",
            {
                "page_title": title,
                "breadcrumbs": self.crumbs((title, "")),
                "offer": offer,
                "form": form,
                "problems": services.publish_problems(offer) if not offer.is_published else [],
                "submit_label": _("Publish"),
                "cancel_url": _detail_url(offer),
            },
            status=status,
        )


class _PostOnly(OfferMixin, View):
    permission_required = "offers.change_offer"

    def get(self, request, uuid):
        return redirect(_detail_url(self.offer))


class UnpublishView(_PostOnly):
    def post(self, request, uuid):
        try:
            services.unpublish(offer=self.offer, acting_user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Withdrawn: residents no longer see this offer. It is a draft again."))
        return redirect(_detail_url(self.offer))


class ReviewedView(_PostOnly):
    def post(self, request, uuid):
        try:
            offer = services.mark_reviewed(offer=self.offer, acting_user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Checked. The next check is on %(date)s.") % {"date": offer.review_on.strftime("%d-%m-%Y")}
            )
        return redirect(_detail_url(self.offer))


class DeleteView(OfferMixin, View):
    permission_required = "offers.change_offer"

    def get(self, request, uuid):
        return self.render()

    def post(self, request, uuid):
        library = self.offer.library
        try:
            services.offer_delete(offer=self.offer, acting_user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(_detail_url(self.offer))
        messages.success(request, _("The draft is deleted."))
        return redirect(_list_url(library))

    def render(self):
        title = _("Delete %(offer)s") % {"offer": self.offer.title}
        return render(
            self.request,
            "offers/manage/delete.html",
            {
                "page_title": title,
                "breadcrumbs": self.crumbs((title, "")),
                "offer": self.offer,
                "cancel_url": _detail_url(self.offer),
            },
        )


class HoursView(OfferMixin, View):
    """Weekly hours and closed periods, in one form: all or nothing."""

    permission_required = "offers.change_offer"

    def get(self, request, uuid):
        offer = self.offer
        hours = [{"weekday": h.weekday, "opens": h.opens, "closes": h.closes} for h in offer.hours.all()]
        closures = [{"starts_on": c.starts_on, "ends_on": c.ends_on, "note": c.note} for c in offer.closures.all()]
        return self.render(
            HoursFormSet(prefix="hours", initial=hours), ClosureFormSet(prefix="closures", initial=closures)
        )

    def post(self, request, uuid):
        hours = HoursFormSet(request.POST, prefix="hours")
        closures = ClosureFormSet(request.POST, prefix="closures")
        errors = []
        if hours.is_valid() and closures.is_valid():
            try:
                services.weekly_schedule_save(
                    offer=self.offer, acting_user=request.user, hours=hours.blocks(), closures=closures.items()
                )
            except ValidationError as error:
                errors = error.messages
            else:
                messages.success(request, _("The hours are saved."))
                return redirect(_detail_url(self.offer))
        return self.render(hours, closures, errors=errors, status=400)

    def render(self, hours, closures, errors=(), status=200):
        title = _("Hours of %(offer)s") % {"offer": self.offer.title}
        return render(
            self.request,
            "offers/manage/hours_form.html",
            {
                "page_title": title,
                "breadcrumbs": self.crumbs((title, "")),
                "offer": self.offer,
                "hours": hours,
                "closures": closures,
                "errors": list(errors),
                "has_errors": bool(errors or hours.total_error_count() or closures.total_error_count()),
                "cancel_url": _detail_url(self.offer),
            },
            status=status,
        )


class SessionAddView(OfferMixin, View):
    permission_required = "offers.change_offer"

    def get(self, request, uuid):
        return self.render(SessionForm())

    def post(self, request, uuid):
        form = SessionForm(request.POST)
        if form.is_valid():
            starts_at, ends_at = form.moments()
            try:
                services.session_add(
                    offer=self.offer,
                    acting_user=request.user,
                    starts_at=starts_at,
                    ends_at=ends_at,
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The session is added."))
                return redirect(_detail_url(self.offer) + "#bijeenkomsten")
        return self.render(form, status=400)

    def render(self, form, status=200):
        title = _("Add a session to %(offer)s") % {"offer": self.offer.title}
        return render(
            self.request,
            "form_page.html",
            {
                "page_title": title,
                "breadcrumbs": self.crumbs((title, "")),
                "form": form,
                "cancel_url": _detail_url(self.offer),
            },
            status=status,
        )


class SessionMixin(PleinPermissionMixin):
    permission_required = "offers.change_offer"

    @cached_property
    def session(self):
        return selectors.session_get(user=self.request.user, uuid=self.kwargs["uuid"])

    def get_permission_object(self):
        return self.session.offer.library

    def back(self):
        return _detail_url(self.session.offer) + "#bijeenkomsten"


class SessionEditView(SessionMixin, View):
    def get(self, request, uuid):
        return self.render(SessionForm(initial=SessionForm.initial_for(self.session)))

    def post(self, request, uuid):
        form = SessionForm(request.POST)
        if form.is_valid():
            starts_at, ends_at = form.moments()
            try:
                services.session_update(
                    session=self.session,
                    acting_user=request.user,
                    starts_at=starts_at,
                    ends_at=ends_at,
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The session is saved."))
                return redirect(self.back())
        return self.render(form, status=400)

    def render(self, form, status=200):
        offer = self.session.offer
        title = _("Change a session of %(offer)s") % {"offer": offer.title}
        return render(
            self.request,
            "form_page.html",
            {
                "page_title": title,
                "breadcrumbs": _library_crumbs(offer.library, (offer.title, _detail_url(offer)), (title, "")),
                "form": form,
                "cancel_url": self.back(),
            },
            status=status,
        )


class SessionCancelView(SessionMixin, View):
    """POST: cancel the session, or (cancelled=0) take the cancellation back."""

    def get(self, request, uuid):
        return redirect(self.back())

    def post(self, request, uuid):
        cancel = request.POST.get("cancelled", "1") != "0"
        try:
            services.session_cancel(session=self.session, acting_user=request.user, cancelled=cancel)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The session is cancelled.") if cancel else _("The session takes place again."))
        return redirect(self.back())


class SessionDeleteView(SessionMixin, View):
    def get(self, request, uuid):
        return redirect(self.back())

    def post(self, request, uuid):
        back = self.back()
        try:
            services.session_delete(session=self.session, acting_user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The session is removed."))
        return redirect(back)


# --- in one step ------------------------------------------------------------------------------


class FromProgrammeView(PleinPermissionMixin, View):
    """From a programme in the EMB portfolio: a draft offer, filled in as far as Plein can."""

    permission_required = "offers.change_offer"

    @cached_property
    def entry(self):
        return selectors.portfolio_entry_get(user=self.request.user, uuid=self.kwargs["uuid"])

    def get_permission_object(self):
        return self.entry.library

    def branches(self):
        return selectors.branch_choices(self.entry.library)

    def get(self, request, uuid):
        first = next(iter(self.entry.locations.all()), None)
        return self.render(BranchForm(branches=self.branches(), initial={"location": first}))

    def post(self, request, uuid):
        form = BranchForm(request.POST, branches=self.branches())
        if form.is_valid():
            try:
                offer = services.offer_from_programme(
                    entry=self.entry, acting_user=request.user, location=form.cleaned_data["location"]
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("A draft offer is made from %(programme)s. Check what Plein filled in and complete it.")
                    % {"programme": self.entry.programme.name},
                )
                return redirect("offers:manage_edit", uuid=offer.uuid)
        return self.render(form, status=400)

    def render(self, form, status=200):
        entry = self.entry
        title = _("Publish %(programme)s as an offer") % {"programme": entry.programme.name}
        return render(
            self.request,
            "offers/manage/from_programme.html",
            {
                "page_title": title,
                "breadcrumbs": _library_crumbs(entry.library, (title, "")),
                "entry": entry,
                "existing": list(selectors.offers_from_programme(entry)),
                "form": form,
                "submit_label": _("Make a draft offer"),
                "cancel_url": reverse("emb:portfolio", args=[entry.library.uuid]),
            },
            status=status,
        )


class FromIdoProfileView(PleinPermissionMixin, View):
    """From the IDO service profile of a branch: the offer "Informatiepunt Digitale Overheid"."""

    permission_required = "offers.change_offer"

    @cached_property
    def location(self):
        return selectors.ido_location_get(user=self.request.user, uuid=self.kwargs["uuid"])

    def get_permission_object(self):
        return self.location.organisation

    def get(self, request, uuid):
        location = self.location
        title = _("Publish the IDO of %(branch)s as an offer") % {"branch": location.name}
        return render(
            request,
            "offers/manage/from_ido.html",
            {
                "page_title": title,
                "breadcrumbs": _library_crumbs(location.organisation, (title, "")),
                "location": location,
                "existing": selectors.ido_offer_of(location),
                "cancel_url": reverse("borging:profile", args=[location.uuid]),
            },
        )

    def post(self, request, uuid):
        try:
            offer, created = services.offer_from_ido_profile(location=self.location, acting_user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("offers:manage_from_ido", uuid=self.location.uuid)
        if created:
            messages.success(request, _("The IDO offer is made as a draft, with the hours of the IDO profile."))
        else:
            messages.success(request, _("The hours and closed periods of the IDO profile are copied into the offer."))
        return redirect(_detail_url(offer))
