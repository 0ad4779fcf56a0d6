"""Who may see and do what in a beroepsgroep (see wendbaar.access.rules), built on ``access.GroupAccess``,
which reads membership from the database on every question (so a removed member loses access at once).

- A group's page (name, description, tags) is for everyone; its topics and posts for everyone signed in
  when the group is open, for its members when it is closed; hidden posts and topics for its moderators.
- The member list: members. Starting topics: members. Replying: members; in a closed topic, moderators.
- Moderating (requests, members, hiding, pins, the log, editing the group): the group's moderators.
- Creating a group: the programme staff. Editing a post: its author, while a member (``services.may_edit``).
"""

from wendbaar.access.rules import programme_staff
from wendbaar.communities.access import group_access


def _group(predicate):
    def rule(user, group):
        return group is not None and predicate(group_access(user, group))

    return rule


def _thread(predicate):
    def rule(user, thread):
        return thread is not None and predicate(group_access(user, thread.group), thread)

    return rule


def _post(user, post) -> bool:
    return post is not None and group_access(user, post.thread.group).can_see_post(post)


def _moderate_post(user, post) -> bool:
    return post is not None and group_access(user, post.thread.group).is_moderator


def _change_post(user, post) -> bool:
    from wendbaar.communities.services import may_edit  # services imports this app's access module

    return post is not None and may_edit(post, user)


def _attachment(user, attachment) -> bool:
    return attachment is not None and _post(user, attachment.post)


RULES = {
    "communities.read_group": _group(lambda access: access.can_read),
    "communities.view_members_group": _group(lambda access: access.can_see_members),
    "communities.post_group": _group(lambda access: access.can_post),
    "communities.moderate_group": _group(lambda access: access.is_moderator),
    "communities.create_group": programme_staff,
    "communities.view_thread": _thread(lambda access, thread: access.can_see_thread(thread)),
    "communities.reply_thread": _thread(lambda access, thread: access.can_reply(thread)),
    "communities.view_post": _post,
    "communities.moderate_post": _moderate_post,
    "communities.change_post": _change_post,
    "communities.view_attachment": _attachment,
}
