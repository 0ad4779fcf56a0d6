from django.contrib.auth import views as auth_views
from django.urls import path

from wendbaar.accounts import oidc, views

app_name = "accounts"
urlpatterns = [
    path("aanmelden/", views.signup, name="signup"),
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("", views.account, name="account"),
    path("wachtwoord-wijzigen/", views.PasswordChangeView.as_view(), name="password_change"),
    path("wachtwoord-vergeten/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "wachtwoord-vergeten/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-herstellen/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-herstellen/klaar/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    path("organisaties/<slug:slug>/", views.organisation, name="organisation"),
    path("tweestapsverificatie/", views.two_factor, name="two_factor"),
    path("tweestapsverificatie/instellen/", views.two_factor_setup, name="two_factor_setup"),
    path("tweestapsverificatie/controleren/", views.two_factor_verify, name="two_factor_verify"),
    path("tweestapsverificatie/herstelcodes/", views.recovery_codes, name="recovery_codes"),
    path("tweestapsverificatie/herstelcodes/nieuw/", views.recovery_codes_new, name="recovery_codes_new"),
    path("tweestapsverificatie/uitzetten/", views.two_factor_off, name="two_factor_off"),
    path("gemeente-account/inloggen/", oidc.OIDCStartView.as_view(), name="oidc_start"),
    path("gemeente-account/terug/", oidc.OIDCCallbackView.as_view(), name="oidc_callback"),
]
