"""Outputs are complete or absent, and never overwrite an input (issue 20).

Every CIM Twin algorithm's ``processAlgorithm`` runs inside :func:`guarded_run`
(the base class wraps it). Before any work:

* every file destination is resolved to its path; a path equal to an input's
  file, or to another output's, is refused (giving the input's own path as
  OUTPUT used to empty or overwrite the input);
* the folder of every file destination must exist and be writable.

During the run each file destination is redirected into a hidden temporary
folder beside the final file (same file name, so a GeoPackage's layer keeps its
name). Only when the whole run succeeds are the files moved into place (a rename
on the same file system); on any error or cancel the temporary folder is
removed, and no output of the run is left behind. An output the algorithm
reports but did not write is an error, not a silent success.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field

from qgis.core import (
    QgsMapLayer,
    QgsProcessingDestinationParameter,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFolderDestination,
    QgsProcessingUtils,
    QgsProperty,
)
from qgis.PyQt.QtCore import QCoreApplication

#: values of a destination that are not files of ours to guard
_NOT_FILES = ("memory:", "TEMPORARY_OUTPUT", "ogr:", "postgres:", "postgis:", "spatialite:", "mssql:", "oracle:")


def _tr(text: str) -> str:
    return QCoreApplication.translate("QgisIOOutputs", text)


def _text(value) -> str:
    if isinstance(value, QgsProperty):
        return str(value.staticValue() or "")
    return "" if value is None else str(value)


def destination_path(value) -> str | None:
    """The plain file path a destination value writes to, or None (memory, temporary, database...)."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink
    text = _text(value).strip()
    if not text or text.startswith(_NOT_FILES) or "|" in text or "?" in text or "dbname=" in text:
        return None
    return text


def _file_of(source: str) -> str | None:
    path = (source or "").split("|")[0].strip()
    if path.startswith("/vsi") or not path:
        return None
    return os.path.realpath(path) if os.path.exists(path) else None


def input_files(algorithm, parameters, context) -> dict[str, str]:
    """{real path: parameter name} of every file an input parameter reads."""
    found: dict[str, str] = {}
    for definition in algorithm.parameterDefinitions():
        if isinstance(definition, QgsProcessingDestinationParameter):
            continue
        name = definition.name()
        value = parameters.get(name)
        values = value if isinstance(value, (list, tuple)) else [value]
        for item in values:
            for source in _sources_of(item, context):
                path = _file_of(source)
                if path:
                    found.setdefault(path, name)
    return found


def _sources_of(item, context) -> list[str]:
    if item is None:
        return []
    if isinstance(item, QgsProcessingFeatureSourceDefinition):
        item = item.source
    if isinstance(item, QgsProperty):
        item = item.staticValue()
    if isinstance(item, QgsMapLayer):
        return [item.source()]
    if isinstance(item, str) and item:
        layer = QgsProcessingUtils.mapLayerFromString(item, context, False) if not os.path.exists(
            item.split("|")[0]) else None
        return [layer.source()] if layer is not None else [item]
    return []


@dataclass
class Redirect:
    """One file destination moved into a temporary folder for the run."""

    name: str
    """the destination parameter"""
    final: str
    """the path the user gave (absolute)"""
    temporary: str
    """the same file name in a hidden folder beside *final*"""


@dataclass
class Outputs:
    """The redirected destinations of one run and the output folders it made."""

    redirects: list[Redirect] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    """folders made for the outputs, parents first (removed again when the run fails)"""

    def add(self, name: str, path: str) -> str:
        """Redirect *path* into a new hidden folder beside it (missing parent folders made); the temporary path."""
        final = os.path.abspath(path)
        folder = os.path.dirname(final)
        missing = []
        while not os.path.isdir(folder):
            missing.append(folder)
            folder = os.path.dirname(folder)
        for made in reversed(missing):
            os.mkdir(made)
            self.created.append(made)
        temporary = os.path.join(tempfile.mkdtemp(prefix=".cimtwin-", dir=os.path.dirname(final)),
                                 os.path.basename(final))
        self.redirects.append(Redirect(name, final, temporary))
        return temporary

    def commit(self, results: dict, context) -> dict:
        """Move every written output into place; results and layers to load name the final paths."""
        mapping = {}
        for r in self.redirects:
            if _written(r.temporary):
                mapping[r.temporary] = r.final
            elif results.get(r.name):
                raise QgsProcessingException(_tr(
                    "The output {output} was not written ({path}); nothing of this run was kept.").format(
                    output=r.name, path=r.final))
        for r in self.redirects:  # the moves happen only once every output is known to be there
            if r.temporary in mapping:
                folder, final_folder = os.path.dirname(r.temporary), os.path.dirname(r.final)
                for name in _written(r.temporary):  # the file and its side files (.shp/.dbf, .aux.xml, .qmd)
                    os.replace(os.path.join(folder, name), os.path.join(final_folder, name))
        self.discard()
        layers = context.layersToLoadOnCompletion()
        if layers:
            context.setLayersToLoadOnCompletion({_remap(path, mapping): details for path, details in layers.items()})
        return {key: _remap(value, mapping) for key, value in results.items()}

    def discard(self, failed: bool = False) -> None:
        """Remove the temporary folders; after a failure also the output folders this run made."""
        for r in self.redirects:
            shutil.rmtree(os.path.dirname(r.temporary), ignore_errors=True)
        if failed:
            for path in reversed(self.created):
                try:
                    os.rmdir(path)  # only if empty: never a folder something else wrote into
                except OSError:
                    pass


def _cannot_write(name: str, folder: str, error: str = "") -> QgsProcessingException:
    text = _tr("The folder of the output {output} cannot be written: {folder}. Choose a folder you may "
               "write to.").format(output=name, folder=folder)
    return QgsProcessingException(f"{text} ({error})" if error else text)


def check_and_redirect(algorithm, parameters: dict, context) -> tuple[dict, Outputs]:
    """Refuse outputs that would overwrite an input or each other, or cannot be written; return the
    parameters with file destinations redirected to temporary folders, and the redirections."""
    inputs = input_files(algorithm, parameters, context)
    outputs: dict[str, str] = {}
    plan = []
    for definition in algorithm.destinationParameterDefinitions():
        name = definition.name()
        if isinstance(definition, QgsProcessingParameterFolderDestination):
            continue
        path = destination_path(parameters.get(name))
        if path is None:
            continue
        real = os.path.realpath(path)
        if real in inputs:
            raise QgsProcessingException(_tr(
                "The output {output} ({path}) is the file of the input {input}: writing it would destroy the "
                "input. Choose another file for {output}.").format(output=name, path=path, input=inputs[real]))
        if real in outputs:
            raise QgsProcessingException(_tr(
                "The outputs {first} and {second} are the same file ({path}): one would overwrite the other. "
                "Give each output its own file.").format(first=outputs[real], second=name, path=path))
        outputs[real] = name
        folder = os.path.dirname(os.path.abspath(path))
        existing = folder
        while not os.path.isdir(existing) and os.path.dirname(existing) != existing:
            existing = os.path.dirname(existing)
        if not os.access(existing, os.W_OK | os.X_OK) or (os.path.exists(folder) and not os.path.isdir(folder)):
            raise _cannot_write(name, folder)
        if os.path.isdir(path):
            raise QgsProcessingException(_tr(
                "The output {output} ({path}) is a folder: give a file name.").format(output=name, path=path))
        plan.append((name, path))
    redirected = dict(parameters)
    run = Outputs()
    for name, path in plan:
        try:
            temporary = run.add(name, path)
        except OSError as exc:  # root passes os.access; /proc and full or read-only disks still refuse
            run.discard(failed=True)
            raise _cannot_write(name, os.path.dirname(os.path.abspath(path)), exc.strerror or str(exc)) from exc
        value = parameters.get(name)
        if isinstance(value, QgsProcessingOutputLayerDefinition):
            value = QgsProcessingOutputLayerDefinition(value)
            value.sink = QgsProperty.fromValue(temporary)
            redirected[name] = value
        else:
            redirected[name] = temporary
    return redirected, run


def _written(temporary: str) -> list[str]:
    folder = os.path.dirname(temporary)
    return sorted(os.listdir(folder)) if os.path.isdir(folder) else []


def _remap(value, mapping: dict):
    """*value* with a temporary path (alone or before |layername=...) replaced by its final path."""
    if isinstance(value, str):
        for temporary, final in mapping.items():
            if value == temporary or value.startswith(temporary + "|"):
                return final + value[len(temporary):]
    return value


def guarded_run(algorithm, run, parameters, context, feedback):
    """Run *run(parameters, context, feedback)* with the checks and the all-or-nothing outputs above."""
    redirected, outputs = check_and_redirect(algorithm, parameters, context)
    try:
        return outputs.commit(run(redirected, context, feedback) or {}, context)
    except BaseException:
        outputs.discard(failed=True)
        raise
