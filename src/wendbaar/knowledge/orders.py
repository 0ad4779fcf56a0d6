"""Placing print orders and moving them through their workflow.

nieuw → verzonden → geleverd, and nieuw → geannuleerd. Nothing else: a delivered or cancelled order
stays that way. A paid copy ships only once a beheerder has marked it paid; a copy that is free because
of a municipal e-mail address ships only once that address has confirmed the order.
"""

from __future__ import annotations

import logging
import uuid

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wendbaar.knowledge import pricing
from wendbaar.knowledge.models import OrderStatus, PrintOrder, PrintOrderEvent, Publication

logger = logging.getLogger(__name__)

TRANSITIONS: dict[str, set[str]] = {
    OrderStatus.NIEUW: {OrderStatus.VERZONDEN, OrderStatus.GEANNULEERD},
    OrderStatus.VERZONDEN: {OrderStatus.GELEVERD},
    OrderStatus.GELEVERD: set(),
    OrderStatus.GEANNULEERD: set(),
}

ADDRESS_FIELDS = [
    "name",
    "email",
    "organisation_name",
    "street",
    "house_number",
    "house_number_addition",
    "postcode",
    "city",
]


class OrderError(Exception):
    """A change the workflow does not allow; the message is Dutch and meant for the beheerder."""


def place_order(
    *, publication: Publication, user, address: dict, idempotency_key: uuid.UUID, site_url: str = ""
) -> tuple[PrintOrder, bool]:
    """Create the order, or return the one this form already created. Returns (order, created).

    The unique idempotency key makes a double submit — even two requests at the same moment — end in
    one order: the second insert fails on the constraint and finds the first order instead.
    """
    existing = PrintOrder.objects.filter(idempotency_key=idempotency_key).first()
    if existing is not None:
        return existing, False
    if not publication.can_order_print:
        raise OrderError(_("Van deze publicatie is geen gedrukt exemplaar te bestellen."))
    quote = pricing.quote(publication, user, address.get("email", ""))
    try:
        with transaction.atomic():
            order = PrintOrder.objects.create(
                idempotency_key=idempotency_key,
                publication=publication,
                user=user if getattr(user, "is_authenticated", False) else None,
                **{field: address.get(field, "") for field in ADDRESS_FIELDS},
                **quote.as_order_fields(),
            )
            PrintOrderEvent.objects.create(
                order=order,
                by=order.user,
                description=_("Besteld: %(rule)s") % {"rule": order.get_eligibility_display()},
            )
    except IntegrityError:
        existing = PrintOrder.objects.filter(idempotency_key=idempotency_key).first()
        if existing is None:
            raise
        return existing, False
    transaction.on_commit(lambda: _send_confirmation_safely(order, site_url))
    return order, True


def _send_confirmation_safely(order: PrintOrder, site_url: str) -> None:
    # The order stands even when the mail server is down; the beheerder sees it in the admin.
    try:
        send_confirmation(order, site_url)
    except Exception:
        logger.exception("Bevestigingsmail voor bestelling %s niet verstuurd", order.short_reference)


def send_confirmation(order: PrintOrder, site_url: str = "") -> None:
    """The confirmation e-mail: what was ordered, the address, the price and what happens next."""
    context = {
        "order": order,
        "lines": price_lines(order),
        "confirm_url": site_url + reverse("knowledge:order_confirm", args=[order.email_confirmation_token])
        if order.needs_email_confirmation
        else "",
        "order_url": site_url + order.get_absolute_url(),
    }
    send_mail(
        subject=_("Je bestelling van ‘%(title)s’ (%(reference)s)")
        % {"title": " ".join(order.publication.title.split()), "reference": order.short_reference},
        message=render_to_string("knowledge/email/order_confirmation.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[order.email],
    )


def price_lines(order_or_quote) -> list[tuple[str, str]]:
    """Label and amount per line of the breakdown, for pages and e-mail alike."""
    o = order_or_quote
    if o.total_cents == 0:
        return [(_("Gedrukt exemplaar, inclusief verzending"), pricing.euro(0))]
    return [
        (_("Boek (zonder btw)"), pricing.euro(o.book_net_cents)),
        (_("Verzendkosten (zonder btw)"), pricing.euro(o.shipping_net_cents)),
        (_("Btw %(rate)s") % {"rate": pricing.percent(o.vat_rate)}, pricing.euro(o.vat_cents)),
        (_("Totaal, inclusief btw en verzending"), pricing.euro(o.total_cents)),
    ]


def allowed_next(order: PrintOrder) -> set[str]:
    return TRANSITIONS[order.status]


def change_status(order: PrintOrder, new_status: str, by=None) -> PrintOrder:
    """Move an order to ``new_status`` if the workflow allows it; raises OrderError otherwise."""
    if new_status not in OrderStatus.values:
        raise OrderError(_("Onbekende status ‘%(status)s’.") % {"status": new_status})
    with transaction.atomic():
        locked = PrintOrder.objects.select_for_update().get(pk=order.pk)
        old = OrderStatus(locked.status)
        new = OrderStatus(new_status)
        if new not in TRANSITIONS[old]:
            raise OrderError(
                _("Bestelling %(ref)s kan niet van ‘%(old)s’ naar ‘%(new)s’.")
                % {"ref": locked.short_reference, "old": old.label, "new": new.label}
            )
        if new == OrderStatus.VERZONDEN:
            if not locked.is_free and locked.paid_at is None:
                raise OrderError(
                    _("Bestelling %(ref)s is nog niet betaald en kan dus nog niet verzonden worden.")
                    % {"ref": locked.short_reference}
                )
            if locked.needs_email_confirmation:
                raise OrderError(
                    _("Bestelling %(ref)s wacht nog op bevestiging van het e-mailadres.")
                    % {"ref": locked.short_reference}
                )
        locked.status = new
        locked.status_changed_at = timezone.now()
        locked.save(update_fields=["status", "status_changed_at"])
        PrintOrderEvent.objects.create(
            order=locked,
            by=by,
            description=_("Status: %(old)s → %(new)s") % {"old": old.label, "new": new.label},
        )
    return locked


def mark_paid(order: PrintOrder, by=None) -> PrintOrder:
    """A beheerder records that a paid copy has been paid (payment itself happens outside wendbaar)."""
    with transaction.atomic():
        locked = PrintOrder.objects.select_for_update().get(pk=order.pk)
        if locked.is_free:
            raise OrderError(_("Bestelling %(ref)s is gratis.") % {"ref": locked.short_reference})
        if locked.paid_at is not None:
            raise OrderError(_("Bestelling %(ref)s is al betaald.") % {"ref": locked.short_reference})
        if locked.status == OrderStatus.GEANNULEERD:
            raise OrderError(_("Bestelling %(ref)s is geannuleerd.") % {"ref": locked.short_reference})
        locked.paid_at = timezone.now()
        locked.save(update_fields=["paid_at"])
        PrintOrderEvent.objects.create(order=locked, by=by, description=_("Gemarkeerd als betaald"))
    return locked


def confirm_email(token: str) -> PrintOrder | None:
    """The orderer clicked the link in the confirmation e-mail. Returns the order, or None."""
    with transaction.atomic():
        order = PrintOrder.objects.select_for_update().filter(email_confirmation_token=token).first()
        if order is None:
            return None
        if order.email_confirmed_at is None:
            order.email_confirmed_at = timezone.now()
            order.save(update_fields=["email_confirmed_at"])
            PrintOrderEvent.objects.create(order=order, by=None, description=_("E-mailadres bevestigd"))
    return order
