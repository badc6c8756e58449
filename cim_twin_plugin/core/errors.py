"""Domain errors of CIM Twin's core.

Every error the core raises on bad input subclasses a built-in exception, so
plain Python callers can catch ``ValueError``. An error carries a ``code``, an
English ``template`` with ``{name}`` placeholders and the ``values`` that fill
them; ``str(error)`` is the English message. The QGIS bridge translates the
template (context :data:`CONTEXT`) and fills in the values, so a zh_CN user
reads the whole message in Chinese.

Templates are marked with the function ``QT_TRANSLATE_NOOP`` below (a plain
function: the core imports no Qt), called with the context ``"CoreErrors"`` and
the template as literals, so that ``pylupdate5`` files them in the .ts; the
Makefile's I18N_SOURCES takes every core module that uses it. For example
``raise ValidationError(<marked template>, code="latitude_range", value=lat)``
where the template reads ``"latitude {value} is outside -90..90 degrees"``.
"""
from __future__ import annotations

#: translation context of every core error template
CONTEXT = "CoreErrors"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name pylupdate5 extracts)
    """Mark *text* for translation in *context*; returns it unchanged (the bridge translates)."""
    return text


def _fill(template: str, values: dict) -> str:
    if not values:
        return template
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):  # a template that does not match its values: say both
        return f"{template} {values}"


class Message:
    """A translatable note for the log: an English template (context :data:`CONTEXT`) and its values."""

    __slots__ = ("template", "values")

    def __init__(self, template: str, **values):
        self.template = template
        self.values = values

    def __str__(self) -> str:
        return _fill(self.template, self.values)

    def __repr__(self) -> str:
        return f"Message({self.template!r}, {self.values!r})"

    def translated(self, translate) -> str:
        """The message with the template passed through *translate(context, text)* first."""
        text = translate(CONTEXT, self.template) if self.template else ""
        return _fill(text or self.template, self.values)


class CimTwinError(Exception):
    """Base class of every error raised by CIM Twin's core.

    *template* is an English message whose ``{name}`` placeholders are filled
    from *values*; *code* names the error for programs (default: the class's).
    """

    code = "error"

    def __init__(self, template: str = "", *, code: str | None = None, **values):
        self.template = template
        self.values = values
        if code:
            self.code = code
        super().__init__(_fill(template, values))

    def translated(self, translate) -> str:
        """The message with the template passed through *translate(context, text)* first."""
        return Message(self.template, **self.values).translated(translate)


class ValidationError(CimTwinError, ValueError):
    """An input value is out of range or malformed (the message says which and why)."""

    code = "invalid"


class GridCodeError(ValidationError):
    """A Beidou grid code cannot be computed or parsed (bad level, latitude, code string)."""

    code = "grid_code"


class TooLargeError(ValidationError):
    """A request would produce more output than the configured limit allows."""

    code = "too_large"


class Canceled(CimTwinError):
    """The user canceled a long-running operation."""

    code = "canceled"
