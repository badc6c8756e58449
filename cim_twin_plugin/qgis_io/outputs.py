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
from dataclasses import dataclass

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
_NOT_FILES = ("memory:", "TEMPORARY_OUTPUT", "ogr:", "postgres:", "postgis:", "spatialite:")


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
    if not text or text.startswith(_NOT_FILES) or "|" in text or "dbname=" in text:
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
    final: str
    temporary: str
    created: list[str]
    """folders made for the outputs (removed again when the run fails)"""


def _same_folder_temp(final: str, created: list[str]) -> str:
    """A new hidden folder beside *final*; missing parent folders are made (and listed in *created*)."""
    folder = os.path.dirname(os.path.abspath(final)) or "."
    missing = []
    while not os.path.isdir(folder):
        missing.append(folder)
        folder = os.path.dirname(folder)
    for path in reversed(missing):
        os.mkdir(path)
        created.append(path)
    return tempfile.mkdtemp(prefix=".cimtwin-", dir=os.path.dirname(os.path.abspath(final)))


def check_and_redirect(algorithm, parameters: dict, context) -> tuple[dict, list[Redirect]]:
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
            raise QgsProcessingException(_tr(
                "The folder of the output {output} cannot be written: {folder}. Choose a folder you may write "
                "to.").format(output=name, folder=folder))
        if os.path.isdir(path):
            raise QgsProcessingException(_tr(
                "The output {output} ({path}) is a folder: give a file name.").format(output=name, path=path))
        plan.append((definition, name, path))
    redirected = dict(parameters)
    redirects: list[Redirect] = []
    created: list[str] = []
    current = ""
    try:
        for _definition, name, path in plan:
            current = name
            temporary = os.path.join(_same_folder_temp(path, created), os.path.basename(path))
            value = parameters.get(name)
            if isinstance(value, QgsProcessingOutputLayerDefinition):
                copy = QgsProcessingOutputLayerDefinition(value)
                copy.sink = QgsProperty.fromValue(temporary)
                redirected[name] = copy
            else:
                redirected[name] = temporary
            redirects.append(Redirect(name, path, temporary, created if not redirects else []))
    except OSError as exc:
        discard(redirects, failed=True)
        _remove_folders(created)
        raise QgsProcessingException(_tr(
            "The folder of the output {output} cannot be written: {folder} ({error}). Choose a folder you may "
            "write to.").format(output=current, folder=os.path.dirname(os.path.abspath(
                str(parameters.get(current) and destination_path(parameters.get(current))))),
            error=exc.strerror or exc)) from exc
    return redirected, redirects


def _written(temporary: str) -> list[str]:
    folder = os.path.dirname(temporary)
    return sorted(os.listdir(folder)) if os.path.isdir(folder) else []


def commit(redirects: list[Redirect], results: dict, context) -> dict:
    """Move every written output into place; results and layers to load name the final paths."""
    mapping = {}
    for r in redirects:
        files = _written(r.temporary)
        if not files:
            reported = results.get(r.name)
            if reported:
                raise QgsProcessingException(_tr(
                    "The output {output} was not written ({path}); nothing of this run was kept.").format(
                    output=r.name, path=r.final))
            continue
        mapping[r.temporary] = r.final
    for r in redirects:  # the moves happen only once every output is known to be there
        if r.temporary not in mapping:
            continue
        folder = os.path.dirname(r.temporary)
        final_folder = os.path.dirname(os.path.abspath(r.final))
        for name in _written(r.temporary):  # the file and its side files (.shp/.dbf/.prj, .aux.xml, .qmd)
            os.replace(os.path.join(folder, name), os.path.join(final_folder, name))
    discard(redirects)
    out = {}
    for key, value in results.items():
        out[key] = _remap(value, mapping)
    layers = context.layersToLoadOnCompletion()
    if layers:
        remapped = {}
        for path, details in layers.items():
            remapped[_remap(path, mapping)] = details
        context.setLayersToLoadOnCompletion(remapped)
    return out


def _remap(value, mapping: dict):
    if isinstance(value, str):
        for temporary, final in mapping.items():
            if value == temporary or value.startswith(temporary + "|"):
                return os.path.abspath(final) if value == temporary else final + value[len(temporary):]
    return value


def discard(redirects: list[Redirect], failed: bool = False) -> None:
    """Remove the temporary folders (after a failure, or once their files moved); after a failure
    also the output folders this run made."""
    for r in redirects:
        shutil.rmtree(os.path.dirname(r.temporary), ignore_errors=True)
    if failed:
        for r in redirects:
            _remove_folders(r.created)


def _remove_folders(folders: list[str]) -> None:
    for path in reversed(folders):
        try:
            os.rmdir(path)  # only if empty: never a folder something else wrote into
        except OSError:
            pass


def guarded_run(algorithm, run, parameters, context, feedback):
    """Run *run(parameters, context, feedback)* with the checks and the all-or-nothing outputs above."""
    redirected, redirects = check_and_redirect(algorithm, parameters, context)
    try:
        results = run(redirected, context, feedback)
        committed = commit(redirects, results or {}, context)
    except BaseException:
        discard(redirects, failed=True)
        raise
    discard(redirects)
    return committed
