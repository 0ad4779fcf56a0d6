from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from wendbaar.accounts import forms, oidc, twofactor
from wendbaar.accounts.models import Organisation

# Recovery codes are shown once, right after they are made; the session holds them until that page is seen.
SESSION_NEW_CODES = "wendbaar_new_recovery_codes"


@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect("accounts:account")
    form = forms.SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request, _("Welkom bij wendbaar, %(name)s. Je account is klaar.") % {"name": user.name}
        )
        return redirect("accounts:account")
    return render(request, "accounts/signup.html", {"form": form})


@login_required
def account(request):
    memberships = request.user.memberships.select_related("organisation")
    return render(
        request,
        "accounts/account.html",
        {
            "memberships": memberships,
            "has_second_factor": twofactor.has_confirmed_app(request.user),
            "linked_identities": request.user.external_identities.count(),
        },
    )


def organisation(request, slug):
    # The public organisation page lives with the organisation's kansen now.
    organisation = get_object_or_404(Organisation, slug=slug)
    return redirect("opportunities:organisation", slug=organisation.slug, permanent=True)


class LoginView(auth_views.LoginView):
    form_class = forms.LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            oidc_enabled=oidc.is_configured(), oidc_provider_name=settings.OIDC_PROVIDER_NAME, **kwargs
        )

    def get_success_url(self):
        # Straight on to the second step when one follows (the middleware would send them there anyway).
        target = super().get_success_url()
        user = self.request.user
        if twofactor.needs_second_factor(user, self.request.session):
            step = (
                "accounts:two_factor_verify"
                if twofactor.has_confirmed_app(user)
                else "accounts:two_factor_setup"
            )
            return f"{reverse(step)}?{urlencode({'next': target})}"
        return target

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.locked:
            response.status_code = 429
        return response


class PasswordResetView(auth_views.PasswordResetView):
    form_class = forms.PasswordResetForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.locked:
            response.status_code = 429
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = forms.SetPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = forms.PasswordChangeForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:account")

    def form_valid(self, form):
        messages.success(self.request, _("Je wachtwoord is gewijzigd."))
        return super().form_valid(form)


def _next_url(request, default="profiles:dashboard"):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(default)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def two_factor(request):
    """Status of two-step verification: turn it on, make new recovery codes, or turn it off."""
    return render(
        request,
        "accounts/two_factor.html",
        {
            "has_app": twofactor.has_confirmed_app(request.user),
            "codes_left": twofactor.recovery_codes_left(request.user),
            "required": request.user.must_use_second_factor,
            "off_form": forms.TwoFactorVerifyForm(request=request),
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def two_factor_setup(request):
    """Connect an authenticator app: scan the QR code (or type the key), then prove it with one code.

    Someone who already has an app must have passed the second step in this session before replacing it.
    """
    user = request.user
    if twofactor.has_confirmed_app(user) and not user.is_verified():
        return redirect(
            f"{reverse('accounts:two_factor_verify')}?next={reverse('accounts:two_factor_setup')}"
        )
    device = twofactor.pending_app(user)
    form = forms.TwoFactorSetupForm(request.POST or None, user=user, device=device)
    if request.method == "POST" and form.is_valid():
        codes = twofactor.confirm_app(user, device)
        twofactor.mark_verified(request, device)
        request.session[SESSION_NEW_CODES] = codes
        messages.success(request, _("Tweestapsverificatie staat aan. Bewaar nu je herstelcodes."))
        return redirect(f"{reverse('accounts:recovery_codes')}?next={_next_url(request)}")
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_svg": twofactor.qr_svg(device),
            "manual_key": twofactor.manual_key(device),
            "required": user.must_use_second_factor,
            "next": _next_url(request),
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def two_factor_verify(request):
    """The second step at sign-in: a code from the app or a recovery code."""
    user = request.user
    if user.is_verified() or not twofactor.needs_second_factor(user, request.session):
        return redirect(_next_url(request))
    if not twofactor.has_confirmed_app(user):
        return redirect(f"{reverse('accounts:two_factor_setup')}?next={_next_url(request)}")
    form = forms.TwoFactorVerifyForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        twofactor.mark_verified(request, form.device)
        if form.device.name == twofactor.RECOVERY_DEVICE_NAME:
            messages.warning(
                request,
                _(
                    "Je hebt een herstelcode gebruikt; die werkt nu niet meer. Je hebt er nog %(count)d. "
                    "Maak nieuwe codes als je er bijna geen meer hebt."
                )
                % {"count": twofactor.recovery_codes_left(user)},
            )
        return redirect(_next_url(request))
    response = render(request, "accounts/two_factor_verify.html", {"form": form, "next": _next_url(request)})
    if form.locked:
        response.status_code = 429
    return response


@never_cache
@login_required
def recovery_codes(request):
    """Shows freshly made recovery codes once."""
    codes = request.session.pop(SESSION_NEW_CODES, None)
    if not codes:
        return redirect("accounts:two_factor")
    return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": _next_url(request)})


@login_required
@require_POST
def recovery_codes_new(request):
    if not request.user.is_verified():
        return redirect("accounts:two_factor_verify")
    request.session[SESSION_NEW_CODES] = twofactor.new_recovery_codes(request.user)
    messages.success(request, _("Je hebt nieuwe herstelcodes. De oude werken niet meer."))
    return redirect(f"{reverse('accounts:recovery_codes')}?next={reverse('accounts:two_factor')}")


@login_required
@require_POST
def two_factor_off(request):
    """Turning it off takes a current code, and is not possible for roles that must use it."""
    user = request.user
    if user.must_use_second_factor:
        messages.error(
            request, _("In jouw rol is tweestapsverificatie verplicht. Je kunt het niet uitzetten.")
        )
        return redirect("accounts:two_factor")
    form = forms.TwoFactorVerifyForm(request.POST, request=request)
    if not form.is_valid():
        response = render(
            request,
            "accounts/two_factor.html",
            {
                "has_app": twofactor.has_confirmed_app(user),
                "codes_left": twofactor.recovery_codes_left(user),
                "required": False,
                "off_form": form,
            },
        )
        response.status_code = 429 if form.locked else 200
        return response
    twofactor.turn_off(user)
    request.session[twofactor.SESSION_HAS_DEVICE] = False
    messages.success(request, _("Tweestapsverificatie staat uit."))
    return redirect("accounts:two_factor")
