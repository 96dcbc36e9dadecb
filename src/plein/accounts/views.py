from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View, i18n

from plein.audit.selectors import history_for
from plein.common.forms import add_service_errors
from plein.common.utils import is_uuid
from plein.common.views_base import PleinPermissionMixin
from plein.organisations.models import Organisation

from . import selectors, services
from .forms import AcceptInvitationForm, InvitationForm, ProfileForm, UserFilterForm, UserForm
from .models import Invitation, User


def set_language(request):
    """The language switch: Django's own view (cookie, back to `next`), and for a logged-in
    person the choice is kept on the account too, for their e-mails and their next login."""
    response = i18n.set_language(request)
    language = request.POST.get("language")
    if request.method == "POST" and request.user.is_authenticated and language in dict(settings.LANGUAGES):
        services.user_language_update(user=request.user, language=language)
    return response


def _users_crumbs(*extra):
    return [(_("Users"), reverse("accounts:user_list")), *extra]


class UserListView(PleinPermissionMixin, View):
    permission_required = "accounts.list_users"

    def get(self, request):
        form = UserFilterForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        page = Paginator(selectors.user_list(user=request.user, **filters), 50).get_page(request.GET.get("pagina"))
        return render(
            request,
            "accounts/user_list.html",
            {
                "page": page,
                "form": form,
                "invitations": selectors.open_invitations(user=request.user),
                "page_title": _("Users"),
                "breadcrumbs": _users_crumbs(),
            },
        )


class InviteView(PleinPermissionMixin, View):
    permission_required = "accounts.invite_user"

    def get(self, request):
        initial = {}
        org_uuid = request.GET.get("organisatie")
        if org_uuid:
            initial["organisation"] = Organisation.objects.filter(uuid=org_uuid).first() if is_uuid(org_uuid) else None
        return self.render(InvitationForm(initial=initial, acting_user=request.user))

    def post(self, request):
        form = InvitationForm(request.POST, acting_user=request.user)
        if form.is_valid():
            try:
                invitation, _token = services.invitation_create(acting_user=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The invitation has been sent to %(email)s.") % {"email": invitation.email})
                return redirect("accounts:user_list")
        return self.render(form)

    def render(self, form):
        title = _("Invite someone")
        return render(
            self.request,
            "accounts/form.html",
            {
                "form": form,
                "page_title": title,
                "intro": _("The person gets an e-mail with a link. Through that link they choose a password."),
                "submit_label": _("Send invitation"),
                "cancel_url": reverse("accounts:user_list"),
                "breadcrumbs": _users_crumbs((title, None)),
            },
        )


class AcceptInvitationView(View):
    """Public: the invitee chooses a password through the link in the e-mail."""

    @cached_property
    def invitation(self) -> Invitation:
        invitation = services.invitation_for_token(self.kwargs["token"])
        if invitation is None:
            raise Http404
        return invitation

    def get(self, request, token):
        return self.render(AcceptInvitationForm(initial={"name": self.invitation.name}, invitation=self.invitation))

    def post(self, request, token):
        form = AcceptInvitationForm(request.POST, invitation=self.invitation)
        if form.is_valid():
            try:
                user = services.invitation_accept(
                    invitation=self.invitation,
                    name=form.cleaned_data["name"],
                    password=form.cleaned_data["password1"],
                    language=request.LANGUAGE_CODE,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                messages.success(request, _("Welcome to Plein! Your account is ready."))
                return redirect("site:home")
        return self.render(form)

    def render(self, form):
        title = _("Choose your password")
        return render(
            self.request,
            "accounts/accept_invitation.html",
            {"form": form, "invitation": self.invitation, "page_title": title, "breadcrumbs": [(title, None)]},
        )


class UserObjectMixin(PleinPermissionMixin):
    @cached_property
    def target(self) -> User:
        return selectors.user_get(user=self.request.user, uuid=self.kwargs["uuid"])

    def get_permission_object(self):
        return self.target


class UserUpdateView(UserObjectMixin, View):
    permission_required = "accounts.change_user"

    def get(self, request, uuid):
        return self.render(UserForm(instance=self.target, acting_user=request.user))

    def post(self, request, uuid):
        form = UserForm(request.POST, instance=User.objects.get(pk=self.target.pk), acting_user=request.user)
        if form.is_valid():
            try:
                services.user_update(user=self.target, acting_user=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The changes have been saved."))
                return redirect("accounts:user_list")
        return self.render(form)

    def render(self, form):
        title = _("Change %(name)s") % {"name": self.target.name}
        return render(
            self.request,
            "accounts/form.html",
            {
                "form": form,
                "page_title": title,
                "intro": self.target.email,
                "cancel_url": reverse("accounts:user_list"),
                "history_url": reverse("accounts:user_history", args=[self.target.uuid])
                if self.request.user.has_perm("audit.view_history")
                else None,
                "breadcrumbs": _users_crumbs((title, None)),
            },
        )


class UserHistoryView(UserObjectMixin, View):
    permission_required = "audit.view_history"

    def get(self, request, uuid):
        title = _("History")
        return render(
            request,
            "audit/history.html",
            {
                "entries": history_for((User, {"object_pk": str(self.target.pk)})),
                "subject": self.target.name,
                "page_title": title,
                "breadcrumbs": _users_crumbs(
                    (self.target.name, reverse("accounts:user_update", args=[uuid])), (title, None)
                ),
            },
        )


class ProfileView(PleinPermissionMixin, View):
    permission_required = "accounts.use_own_account"

    def get(self, request):
        return self.render(ProfileForm(initial={"name": request.user.name}))

    def post(self, request):
        form = ProfileForm(request.POST)
        if form.is_valid():
            services.profile_update(user=request.user, name=form.cleaned_data["name"])
            messages.success(request, _("Your name has been saved."))
            return redirect("accounts:profile")
        return self.render(form)

    def render(self, form):
        title = _("My account")
        return render(
            self.request,
            "accounts/profile.html",
            {"form": form, "page_title": title, "breadcrumbs": [(title, None)]},
        )
