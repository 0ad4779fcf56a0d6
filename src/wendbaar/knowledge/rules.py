"""Who may see and do what in the kennisbank (see wendbaar.access.rules).

- Published items are for everyone; drafts for the editors (programmateam, beheerders), so they can check a
  page before it goes live (``ItemQuerySet.visible_to``).
- Editing content: the editors. Handling print orders (addresses): beheerders only.
- An order's page: the person who placed it, and beheerders. A visitor without an account sees the orders
  placed in their own browser session; that is a check on the session, kept in the view.
"""

from wendbaar.access.rules import anyone, beheerder, programme_staff


@anyone
def _view_item(user, item) -> bool:
    from wendbaar.knowledge.models import Item

    return item is not None and Item.objects.visible_to(user).filter(pk=item.pk).exists()


def _editor(user, obj=None) -> bool:
    return bool(user.is_superuser or programme_staff(user))


def _order_manager(user, obj=None) -> bool:
    return beheerder(user)


def _view_order(user, order) -> bool:
    return order is not None and (order.user_id == user.pk or beheerder(user))


RULES = {
    "knowledge.view_item": _view_item,
    "knowledge.edit_item": _editor,
    "knowledge.manage_printorder": _order_manager,
    "knowledge.view_printorder": _view_order,
}
