"""Mission editor and moderation forms.

The mission form is grouped the way a volunteer reads a mission: what you will do, when, where,
who can come, how many. The form only converts types; every rule lives in
``missions.mission_problems`` and is checked again by the services.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from flask_babel import format_decimal
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    FloatField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget, TextInput

from marketplace.associations.missions import (
    MAX_COMMENT,
    MAX_DESCRIPTION,
    MAX_RHYTHM,
    MissionData,
    mission_problems,
    normalized,
)
from marketplace.associations.one_off_times import one_off_times
from marketplace.once import OnceForm
from marketplace.reference.vocabularies import (
    DAY_PARTS,
    DOMAINS,
    MISSION_KINDS,
    SCHEDULES,
    SLOTS,
    slot_label,
)

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]  # browsers send ISO; without a date picker people type 14/06/2026
NOT_A_DATE = _l("Enter a date like 14/06/2026.")
NOT_A_WHOLE_NUMBER = _l("Enter a whole number, like 18.")
NOT_A_NUMBER = _l("Enter a number, like 2 or 1,5.")
FIELD_GROUPS: dict[str, tuple[str, ...]] = {
    "what": ("title", "kind", "domain", "description", "skills"),
    "when": ("schedule", "start_date", "end_date", "day_parts", "slots", "hours_per_week", "rhythm"),
    "where": ("remote", "address", "postcode", "city"),
    "who": ("min_age", "max_age", "motivation_required"),
    "how_many": ("capacity",),
}


def split_skills(text: str | None) -> list[str]:
    """'cuisine, permis B; Excel' -> ['cuisine', 'permis B', 'Excel'] (the service removes duplicates)."""
    return [part.strip() for part in re.split(r"[,;\n]", text or "") if part.strip()]


def join_skills(skills: list[str]) -> str:
    return ", ".join(skills)


class WholeNumberField(IntegerField):
    """An integer field with a message people understand when they type something else."""

    def process_formdata(self, valuelist: list[Any]) -> None:
        text = str(valuelist[0]).replace(" ", "").strip() if valuelist else ""
        self.data = None
        if text:
            try:
                self.data = int(text)
            except ValueError as error:
                raise ValueError(NOT_A_WHOLE_NUMBER) from error


class DecimalCommaField(FloatField):
    """A number field that accepts the French decimal comma (1,5 as well as 1.5)."""

    # A text input: a browser's number input may refuse "1,5" before the server sees it.
    widget = TextInput()

    def _value(self) -> str:
        if self.raw_data:
            return str(self.raw_data[0])
        return format_decimal(self.data, format="0.##") if self.data is not None else ""

    def process_formdata(self, valuelist: list[Any]) -> None:
        text = str(valuelist[0]).replace(" ", "").replace(",", ".").strip() if valuelist else ""
        self.data = None
        if text:
            try:
                self.data = float(text)
            except ValueError as error:
                raise ValueError(NOT_A_NUMBER) from error


class LocalDateField(DateField):
    """A date field reading the browser's ISO date or a typed French date (14/06/2026)."""

    def process_formdata(self, valuelist: list[Any]) -> None:
        text = str(valuelist[0]).strip() if valuelist else ""
        self.data = None
        if text:
            self.data = parse_date(text)
            if self.data is None:
                raise ValueError(NOT_A_DATE)


def parse_date(text: str) -> date | None:
    """The date in ``text`` in one of DATE_FORMATS, or None."""
    for date_format in DATE_FORMATS:
        try:
            return datetime.strptime(text, date_format).date()
        except ValueError:
            continue
    return None


def _choices(vocabulary) -> list[tuple[str, object]]:
    return [(choice.slug, choice.label) for choice in vocabulary]


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


class MissionForm(OnceForm):
    association_id = SelectField(_l("Association"), coerce=int, validate_choice=True)

    # What you will do
    title = StringField(
        _l("Title of the mission"),
        filters=[_strip],
        description=_l(
            "One short sentence saying what volunteers will do, e.g. “Serve breakfast at the day shelter”."
        ),
        render_kw={"maxlength": 160},
    )
    kind = RadioField(_l("Kind of mission"), choices=_choices(MISSION_KINDS), validate_choice=False)
    domain = SelectField(
        _l("Cause"), choices=[("", _l("Choose…")), *_choices(DOMAINS)], validate_choice=False
    )
    description = TextAreaField(
        _l("Description"),
        description=_l(
            "What volunteers will really do, with whom and for whom; what you provide (training, equipment, "
            "meals). Simple formatting works: **bold**, *italics*, and lists with one “- ” per line."
        ),
        render_kw={"rows": 12, "maxlength": MAX_DESCRIPTION},
    )
    skills = StringField(
        _l("Skills that help"),
        description=_l("Optional. Separate them with commas, e.g. “cooking, driving licence, spreadsheets”."),
    )

    # When
    schedule = RadioField(_l("How often"), choices=_choices(SCHEDULES), validate_choice=False)
    start_date = LocalDateField(
        _l("Date (first day)"),
        validators=[Optional()],
        description=_l(
            "Required for a one-off mission. For a recurring mission: the first day, if there is one."
        ),
    )
    end_date = LocalDateField(
        _l("Last day (optional)"),
        validators=[Optional()],
        description=_l(
            "Only when the mission lasts several days, or when a recurring mission stops on a date."
        ),
    )
    day_parts = SelectMultipleField(
        _l("Time of day (optional)"),
        choices=_choices(DAY_PARTS),
        validate_choice=False,
        description=_l("Tick when volunteers are expected, so people who are free then find the mission."),
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
    )
    slots = SelectMultipleField(
        _l("Weekly slots"), choices=[(slot, slot) for slot in SLOTS], validate_choice=False
    )
    hours_per_week = DecimalCommaField(
        _l("Hours per week"),
        validators=[Optional()],
        description=_l("About how long, each week, e.g. 2 or 1,5."),
        render_kw={"inputmode": "decimal"},
    )
    rhythm = StringField(
        _l("Rhythm in your words (optional)"),
        filters=[_strip],
        description=_l(
            "Shown on the mission page, e.g. « Une demi-journée par semaine, sauf vacances scolaires »."
        ),
        render_kw={"maxlength": MAX_RHYTHM},
    )

    # Where
    remote = BooleanField(_l("This mission can be done remotely"))
    address = StringField(
        _l("Address or meeting point (optional)"),
        filters=[_strip],
        description=_l("Shown on the mission page, e.g. “12 rue des Lilas, back entrance”."),
        render_kw={"autocomplete": "street-address", "maxlength": 255},
    )
    postcode = StringField(
        _l("Postcode"),
        filters=[_strip],
        render_kw={"autocomplete": "postal-code", "inputmode": "numeric", "maxlength": 5},
    )
    city = StringField(
        _l("City"), filters=[_strip], render_kw={"autocomplete": "address-level2", "maxlength": 120}
    )

    # Who can come
    min_age = WholeNumberField(
        _l("Minimum age"),
        validators=[InputRequired(message=_l("Give the minimum age (16 or more)."))],
        description=_l("16 at the least. Responsibility missions are for adults (18 and over)."),
        render_kw={"min": 16, "max": 99},
    )
    max_age = WholeNumberField(
        _l("Maximum age (optional)"),
        validators=[Optional()],
        description=_l("Leave empty when there is no upper limit."),
        render_kw={"min": 16, "max": 99},
    )
    motivation_required = BooleanField(_l("Ask volunteers for a short motivation message when they apply"))

    # How many
    capacity = WholeNumberField(
        _l("Number of volunteers wanted"),
        validators=[InputRequired(message=_l("Say how many volunteers you need."))],
        description=_l("Between 1 and 500. Applications stop when every seat is taken."),
        render_kw={"min": 1, "max": 500},
    )

    def __init__(self, *args: Any, associations: list | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if associations and len(associations) > 1:
            self.association_id.choices = [(association.id, association.name) for association in associations]
        else:
            # One association: nothing to choose, and nothing to show.
            del self.association_id

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        slots_problem = self.one_off_slots_problem()
        if slots_problem is not None:
            self.slots.errors = [*self.slots.errors, str(slots_problem)]
            valid = False
        if not valid:
            # Show the mission rules too, so people can fix everything in one go.
            self.add_rule_errors(
                mission_problems(normalized(mission_data_from_form(self)), today=date.today())
            )
        return valid

    def one_off_slots_problem(self) -> object | None:
        """Slots ticked for a one-off mission on a weekday its dates never reach (never guessed)."""
        if self.schedule.data != "one_off" or not self.slots.data:
            return None
        times = one_off_times(self.start_date.data, self.end_date.data, self.slots.data)
        if not times.outside:
            return None
        return _l(
            "A one-off mission takes place on its dates: %(slot)s is not one of them. Untick it, or "
            "tick the time of day above.",
            slot=slot_label(times.outside[0]),
        )

    def add_rule_errors(self, problems: dict[str, object]) -> None:
        """Attach each rule's message to its field, after the field's own conversion error if any."""
        for name, message in problems.items():
            field = getattr(self, name, None)
            if field is not None and not field.errors:
                field.errors = [str(message)]


def mission_data_from_form(form: MissionForm, base: MissionData | None = None) -> MissionData:
    """The mission as typed; fields the form could not read keep the base's values (defaults if new).

    Weekly slots ticked for a one-off mission become its parts of the day (``one_off_times``)
    rather than being dropped.
    """
    base = base or MissionData()
    data = _typed(form, base)
    if data.schedule == "one_off" and data.slots:
        times = one_off_times(data.start_date, data.end_date, data.slots, data.day_parts)
        if not times.outside:
            data = replace(data, day_parts=times.day_parts, slots=[])
    return data


def _typed(form: MissionForm, base: MissionData) -> MissionData:
    return replace(
        base,
        title=form.title.data or "",
        kind=form.kind.data or "",
        domain=form.domain.data or "",
        description=form.description.data or "",
        skills=split_skills(form.skills.data),
        schedule=form.schedule.data or "",
        start_date=form.start_date.data,
        end_date=form.end_date.data,
        slots=list(form.slots.data or []),
        day_parts=list(form.day_parts.data or []),
        hours_per_week=form.hours_per_week.data,
        rhythm=form.rhythm.data or "",
        remote=bool(form.remote.data),
        address=form.address.data or "",
        postcode=form.postcode.data or "",
        city=form.city.data or "",
        min_age=form.min_age.data if form.min_age.data is not None else base.min_age,
        max_age=form.max_age.data,
        motivation_required=bool(form.motivation_required.data),
        capacity=form.capacity.data if form.capacity.data is not None else base.capacity,
    )


def mission_form_data(data: MissionData) -> dict[str, Any]:
    """Initial values for MissionForm(data=...) from a mission (or MissionData() for a new one)."""
    return {
        "title": data.title,
        "kind": data.kind,
        "domain": data.domain,
        "description": data.description,
        "skills": join_skills(data.skills),
        "schedule": data.schedule,
        "start_date": data.start_date,
        "end_date": data.end_date,
        "slots": list(data.slots),
        "day_parts": list(data.day_parts),
        "hours_per_week": data.hours_per_week,
        "rhythm": data.rhythm,
        "remote": data.remote,
        "address": data.address,
        "postcode": data.postcode,
        "city": data.city,
        "min_age": data.min_age,
        "max_age": data.max_age,
        "motivation_required": data.motivation_required,
        "capacity": data.capacity,
    }


class CancelForm(FlaskForm):
    reason = TextAreaField(
        _l("Message to the volunteers who applied (optional)"),
        validators=[Optional(), Length(max=MAX_COMMENT)],
        description=_l(
            "They receive it by email with the cancellation, e.g. “The event is postponed to autumn.”"
        ),
        render_kw={"rows": 3, "maxlength": MAX_COMMENT},
    )


class PublishForm(FlaskForm):
    comment = TextAreaField(
        _l("Comment for the association (optional)"),
        validators=[Optional(), Length(max=MAX_COMMENT)],
        render_kw={"rows": 3, "maxlength": MAX_COMMENT},
    )


class ReturnForm(FlaskForm):
    comment = TextAreaField(
        _l("What should the association change?"),
        validators=[
            DataRequired(message=_l("Tell the association what to change.")),
            Length(max=MAX_COMMENT),
        ],
        description=_l("Be specific and kind: they will read it in an email and on their mission page."),
        render_kw={"rows": 4, "maxlength": MAX_COMMENT},
    )


class PreviewForm(FlaskForm):
    description = TextAreaField(validators=[Optional(), Length(max=MAX_DESCRIPTION)])
