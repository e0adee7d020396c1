"""Step doel: the title and goal of the journey, who owns it and where it stands, and
its scenarios."""

from __future__ import annotations

import ipywidgets as w

from ..fields import STATUSES, status_label
from ..session import ProjectSession
from .form import StepForm
from .record_list import FIELD_LAYOUT, LABEL_STYLE, FieldSpec, RecordList, table_ops


class DoelForm(StepForm):
    """Title and goal text, the owner and the status of the project, plus a list
    editor for the scenarios (current, desired, competitor...)."""

    def __init__(self, session: ProjectSession, language: str = ""):
        super().__init__(session, language)
        self.title = w.Text(
            description=self.t("title"),
            continuous_update=False,
            style=LABEL_STYLE,
            layout=w.Layout(**FIELD_LAYOUT),
        )
        self.goal = w.Textarea(
            description=self.t("goal"),
            continuous_update=False,
            rows=5,
            style=LABEL_STYLE,
            layout=w.Layout(**FIELD_LAYOUT),
        )
        self.owner = w.Text(
            description=self.t("owner"),
            placeholder=self.t("owner_hint"),
            continuous_update=False,
            style=LABEL_STYLE,
            layout=w.Layout(**FIELD_LAYOUT),
        )
        #: The project's status (``self.status`` is the form's status line).
        self.project_status = w.Dropdown(
            description=self.t("status"),
            options=[("–", ""), *((status_label(s, self.language), s) for s in STATUSES)],
            style=LABEL_STYLE,
        )
        self.title_notice, self.goal_notice = self.new_notice(), self.new_notice()
        self.owner_notice, self.status_notice = self.new_notice(), self.new_notice()
        self.title.observe(self.safely(lambda _: self._set_title()), names="value")
        self.goal.observe(
            self.safely(lambda _: self.commit(lambda j: j.set_goal(self.goal.value), at=self.goal_notice)),
            names="value",
        )
        self.owner.observe(
            self.safely(
                lambda _: self.commit(lambda j: j.set_owner(self.owner.value.strip()), at=self.owner_notice)
            ),
            names="value",
        )
        self.project_status.observe(
            self.safely(
                lambda _: self.commit(
                    lambda j: j.set_status(self.project_status.value), at=self.status_notice
                )
            ),
            names="value",
        )
        self.scenarios = RecordList(
            self,
            table_ops(
                self,
                "scenarios",
                add=lambda j, sid, name: j.add_scenario(sid, name),
                update=lambda j, sid, changes: j.update_scenario(sid, **changes),
            ),
            [FieldSpec("name", required=True)],
        )
        self.body.children = [
            self.title,
            self.title_notice.widget,
            self.goal,
            self.goal_notice.widget,
            self.owner,
            self.owner_notice.widget,
            self.project_status,
            self.status_notice.widget,
            w.HTML(f"<h4>{self.t('scenarios')}</h4>"),
            self.scenarios.widget,
        ]
        self._refresh_quietly()

    def _set_title(self) -> None:
        self.commit(lambda j: j.set_title(self.title.value.strip()), at=self.title_notice)

    def refresh(self) -> None:
        """Show the saved title, goal, owner, status and scenarios."""
        self.title.value = self.journey.title
        self.goal.value = self.journey.goal
        self.owner.value = self.journey.owner
        self.project_status.value = self.journey.status
        self.scenarios.refresh()
