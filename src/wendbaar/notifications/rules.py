"""Who may do what with notifications (see wendbaar.access.rules): a notification is its person's own.

The pages also hide what the person may no longer see (``services.visible``); these rules answer the
plain question of ownership for everyone who asks it the common way.
"""

from wendbaar.access.rules import owner

RULES = {
    "notifications.view_notification": owner,
    "notifications.change_notification": owner,  # mark as read
}
