<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>CimTwin</name>
    <message>
        <location filename="../processing_algs/provider.py" line="23"/>
        <source>CIM Twin</source>
        <translation>CIM 数字孪生</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/plugin.py" line="37"/>
        <source>Beidou grid codes of features…</source>
        <translation>要素北斗网格位置码…</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/plugin.py" line="42"/>
        <source>Beidou grid cells in an extent…</source>
        <translation>范围内的北斗网格单元…</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/plugin.py" line="47"/>
        <source>Identify Beidou grid code on the map</source>
        <translation>在地图上识别北斗网格位置码</translation>
    </message>
    <message>
        <location filename="../processing_algs/base.py" line="15"/>
        <source>Twin entities</source>
        <translation>孪生实体</translation>
    </message>
    <message>
        <location filename="../processing_algs/base.py" line="16"/>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../processing_algs/base.py" line="17"/>
        <source>Network</source>
        <translation>路网</translation>
    </message>
    <message>
        <location filename="../processing_algs/base.py" line="18"/>
        <source>Visibility</source>
        <translation>通视</translation>
    </message>
    <message>
        <location filename="../processing_algs/base.py" line="19"/>
        <source>Measurement</source>
        <translation>量算</translation>
    </message>
    <message>
        <location filename="../processing_algs/provider.py" line="26"/>
        <source>CIM Twin: city digital twin analysis</source>
        <translation>CIM 数字孪生：城市数字孪生分析</translation>
    </message>
</context>
<context>
    <name>Expressions</name>
    <message>
        <location filename="../cim_twin_plugin/expressions.py" line="43"/>
        <source>&lt;h3&gt;cim_grid_code(geometry, level, height)&lt;/h3&gt;&lt;p&gt;Returns the Beidou grid location code (GB/T 39409-2020) of a geometry: the point itself, or a point on the surface of a line or polygon, in CGCS2000 longitude/latitude (the geometry is taken to be in the layer&apos;s CRS).&lt;/p&gt;&lt;h4&gt;Arguments&lt;/h4&gt;&lt;p&gt;&lt;b&gt;geometry&lt;/b&gt;: a geometry, e.g. $geometry&lt;br&gt;&lt;b&gt;level&lt;/b&gt;: grid level 1-10 (default 8, about 1 m)&lt;br&gt;&lt;b&gt;height&lt;/b&gt;: optional height in metres; gives the 3D code&lt;/p&gt;&lt;h4&gt;Example&lt;/h4&gt;&lt;p&gt;cim_grid_code($geometry, 8) &amp;rarr; &apos;N51H...&apos;&lt;/p&gt;</source>
        <translation>&lt;h3&gt;cim_grid_code(geometry, level, height)&lt;/h3&gt;&lt;p&gt;返回几何对象的北斗网格位置码（GB/T 39409-2020）：点取其本身，线和面取其表面上的一点，按 CGCS2000 经纬度计算（几何对象视为图层坐标系下的坐标）。&lt;/p&gt;&lt;h4&gt;参数&lt;/h4&gt;&lt;p&gt;&lt;b&gt;geometry&lt;/b&gt;：几何对象，例如 $geometry&lt;br&gt;&lt;b&gt;level&lt;/b&gt;：网格层级 1-10（默认 8，约 1 米）&lt;br&gt;&lt;b&gt;height&lt;/b&gt;：可选，高度（米）；给出时返回三维码&lt;/p&gt;&lt;h4&gt;示例&lt;/h4&gt;&lt;p&gt;cim_grid_code($geometry, 8) &amp;rarr; 'N51H...'&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/expressions.py" line="89"/>
        <source>&lt;h3&gt;cim_grid_decode(code)&lt;/h3&gt;&lt;p&gt;Decodes a Beidou grid location code (2D or 3D) and returns a map with the keys level, is_3d, corner_lon, corner_lat, centre_lon, centre_lat, west, south, east, north (CGCS2000 degrees), height_bottom and height_top (metres, 3D codes only) and wkt (the cell polygon).&lt;/p&gt;&lt;h4&gt;Example&lt;/h4&gt;&lt;p&gt;map_get(cim_grid_decode(&quot;bd_code&quot;), &apos;centre_lon&apos;)&lt;/p&gt;</source>
        <translation>&lt;h3&gt;cim_grid_decode(code)&lt;/h3&gt;&lt;p&gt;解码北斗网格位置码（二维或三维），返回一个映射，键为 level、is_3d、corner_lon、corner_lat、centre_lon、centre_lat、west、south、east、north（CGCS2000 经纬度，单位度）、height_bottom 和 height_top（米，仅三维码）以及 wkt（网格单元多边形）。&lt;/p&gt;&lt;h4&gt;示例&lt;/h4&gt;&lt;p&gt;map_get(cim_grid_decode(&quot;bd_code&quot;), 'centre_lon')&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>GridCellsAlgorithm</name>
    <message>
        <location filename="../processing_algs/gridcells.py" line="43"/>
        <source>Beidou grid cells in an extent</source>
        <translation>范围内的北斗网格单元</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcells.py" line="46"/>
        <source>Creates the Beidou grid cells (GB/T 39409-2020) of one level that intersect an extent, as polygons in CGCS2000 longitude/latitude (EPSG:4490) with their code, level and centre. Use it as a reference grid for the twin or to count entities per cell.

A request of more cells than the maximum is refused before anything is written: choose a coarser level or a smaller extent, or raise the maximum.</source>
        <translation>生成与给定范围相交的某一层级北斗网格单元（GB/T 39409-2020），输出为 CGCS2000 经纬度（EPSG:4490）多边形，带网格码、层级和中心点。可用作孪生底座的参考网格，或按网格统计实体数量。

网格单元数超过上限的请求会在写出任何内容之前被拒绝：请选择更粗的层级或更小的范围，或提高上限。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcells.py" line="56"/>
        <source>Extent</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcells.py" line="57"/>
        <source>Area to cover, in any CRS (a layer&apos;s extent, the map canvas or coordinates).</source>
        <translation>要覆盖的区域，可为任意坐标系（图层范围、地图画布或坐标）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcells.py" line="62"/>
        <source>Grid level (1-10)</source>
        <translation>网格层级（1-10）</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcells.py" line="70"/>
        <source>Level of the cells: 4 = 1 minute (about 1.8 km), 5 = 4 seconds (about 124 m), 6 = 2 seconds (about 62 m), 7 = about 7.7 m. Finer levels give many cells.</source>
        <translation>网格单元的层级：4 = 1 分（约 1.8 千米），5 = 4 秒（约 124 米），6 = 2 秒（约 62 米），7 = 约 7.7 米。层级越细，单元越多。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcells.py" line="78"/>
        <source>Maximum number of cells</source>
        <translation>最大网格单元数</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcells.py" line="86"/>
        <source>The algorithm refuses to create more cells than this.</source>
        <translation>算法拒绝生成超过此数量的网格单元。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcells.py" line="90"/>
        <source>Grid cells</source>
        <translation>网格单元</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcells.py" line="100"/>
        <source>Number of cells</source>
        <translation>网格单元数</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcells.py" line="108"/>
        <source>The extent is empty: give an area to cover.</source>
        <translation>范围为空：请给出要覆盖的区域。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcells.py" line="113"/>
        <source>The extent holds {count} cells at level {level}, more than the maximum of {limit}: choose a coarser level or a smaller extent, or raise the maximum.</source>
        <translation>该范围在第 {level} 级包含 {count} 个网格单元，超过上限 {limit}：请选择更粗的层级或更小的范围，或提高上限。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcells.py" line="130"/>
        <source>Creating {count} cells of level {level} in CGCS2000 (EPSG:4490).</source>
        <translation>正在以 CGCS2000（EPSG:4490）生成 {count} 个第 {level} 级网格单元。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcells.py" line="140"/>
        <source>Canceled: no output was written.</source>
        <translation>已取消：未写出结果。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcells.py" line="148"/>
        <source>{count} cells written.</source>
        <translation>已写出 {count} 个网格单元。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcells.py" line="93"/>
        <source>Polygons of the cells in CGCS2000 longitude/latitude (EPSG:4490) with bd_code, level, centre_lon and centre_lat.</source>
        <translation>CGCS2000 经纬度（EPSG:4490）下的网格单元多边形，带 bd_code、level、centre_lon 和 centre_lat。</translation>
    </message>
</context>
<context>
    <name>GridCodeAlgorithm</name>
    <message>
        <location filename="../processing_algs/gridcode.py" line="48"/>
        <source>Beidou grid codes of features</source>
        <translation>要素北斗网格位置码</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="51"/>
        <source>Adds the Beidou grid location code (GB/T 39409-2020) of every feature in the field bd_code. Points use their own position, lines and polygons a point on their surface, transformed to CGCS2000 longitude/latitude (any input CRS works).

With a height field the code is three-dimensional (height digits interleaved after each level). With an administrative code field, entity_code is the administrative code followed by the grid code: the unique entity code of the twin.

Features that cannot be coded (no geometry, beyond 88 degrees latitude, empty height) are kept with an empty code and the reason in bd_reason; the log gives the counts.</source>
        <translation>在字段 bd_code 中为每个要素添加北斗网格位置码（GB/T 39409-2020）。点取其自身位置，线和面取其表面上的一点，并转换为 CGCS2000 经纬度（输入可为任意坐标系）。

指定高度字段时生成三维码（每一层级后交织高度码元）。指定行政区划代码字段时，entity_code 为行政区划代码加网格码，即孪生实体的唯一编码。

无法编码的要素（无几何、纬度超出 88 度、高度为空）会保留，编码为空，原因写入 bd_reason；日志给出各项计数。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="63"/>
        <source>Input layer</source>
        <translation>输入图层</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="66"/>
        <source>Any vector layer in any CRS: buildings, facilities, households, ...</source>
        <translation>任意坐标系的任意矢量图层：建筑、设施、户室等。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="69"/>
        <source>Grid level (1-10)</source>
        <translation>网格层级（1-10）</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="77"/>
        <source>Level of the grid cell: 1 = 6x4 degrees, 4 = 1 minute (about 1.8 km), 5 = 4 seconds (about 124 m), 6 = 2 seconds (about 62 m), 7 = about 7.7 m, 8 = about 1 m, 9 = about 12 cm, 10 = about 1.5 cm.</source>
        <translation>网格单元的层级：1 = 6×4 度，4 = 1 分（约 1.8 千米），5 = 4 秒（约 124 米），6 = 2 秒（约 62 米），7 = 约 7.7 米，8 = 约 1 米，9 = 约 12 厘米，10 = 约 1.5 厘米。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="86"/>
        <source>Height field (makes 3D codes)</source>
        <translation>高度字段（生成三维码）</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="93"/>
        <source>Optional numeric field with the height in metres (geodetic height). When set, bd_code is the 3D grid code; features with an empty height get no code.</source>
        <translation>可选的数值字段，高度单位为米（大地高）。设置后 bd_code 为三维网格码；高度为空的要素不编码。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="101"/>
        <source>Height digits</source>
        <translation>高度码元</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="101"/>
        <source>Mixed radix (the standard&apos;s layer definition)</source>
        <translation>混合进制（标准的层定义）</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="101"/>
        <source>Bit fields (Appendix C, as some other implementations)</source>
        <translation>位域（附录 C，与部分其他实现一致）</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="111"/>
        <source>How the height layer number is written as digits. Both readings of the standard agree for heights from 0 to 1839 m; choose bit fields only to match codes made by other software that uses them.</source>
        <translation>高度层序号写成码元的方式。两种解读在 0 至 1839 米高度范围内一致；仅当需要与采用位域的其他软件所生成的编码一致时才选择位域。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="121"/>
        <source>Administrative code field</source>
        <translation>行政区划代码字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="127"/>
        <source>Optional field with the administrative division code (e.g. the community code 310115001001). When set, entity_code = administrative code + grid code.</source>
        <translation>可选字段，内容为行政区划代码（例如社区代码 310115001001）。设置后 entity_code = 行政区划代码 + 网格码。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="135"/>
        <source>Coded features</source>
        <translation>已编码要素</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="143"/>
        <source>Features coded</source>
        <translation>已编码要素数</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="144"/>
        <source>Features without a code</source>
        <translation>未编码要素数</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="157"/>
        <source>The input layer {layer} has no features: there is nothing to code.</source>
        <translation>输入图层 {layer} 没有要素：无可编码内容。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="163"/>
        <source>The input layer {layer} has no coordinate reference system: set its CRS (Layer Properties &gt; Source) and run again.</source>
        <translation>输入图层 {layer} 没有坐标参考系：请设置其坐标系（图层属性 &gt; 源）后重新运行。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="178"/>
        <source>The input layer {layer} already has a field {field} that is not text: rename or delete it and run again.</source>
        <translation>输入图层 {layer} 已有非文本字段 {field}：请重命名或删除该字段后重新运行。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="201"/>
        <source>Coding {n} features at level {level} in CGCS2000 (EPSG:4490).</source>
        <translation>正在以 CGCS2000（EPSG:4490）按第 {level} 级为 {n} 个要素编码。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="219"/>
        <source>height is empty or not a number</source>
        <translation>高度为空或不是数字</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="239"/>
        <source>administrative code is empty: no entity code</source>
        <translation>行政区划代码为空：无实体编码</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="252"/>
        <source>Canceled: no output was written.</source>
        <translation>已取消：未写出结果。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="254"/>
        <source>{total} features in = {coded} coded + {failed} without a code (reason in {field}).</source>
        <translation>输入 {total} 个要素 = 已编码 {coded} 个 + 未编码 {failed} 个（原因见 {field}）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="260"/>
        <source>{failed} features could not be coded; see the field {field}.</source>
        <translation>{failed} 个要素无法编码；请查看字段 {field}。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="270"/>
        <source>cannot be coded: {detail}</source>
        <translation>无法编码：{detail}</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="136"/>
        <source>The input features in their own CRS with bd_code, entity_code (with an administrative code field) and bd_reason (why a feature has no code).</source>
        <translation>保持原坐标系的输入要素，并带有 bd_code、entity_code（指定行政区划代码字段时）和 bd_reason（要素无编码的原因）。</translation>
    </message>
</context>
<context>
    <name>GridCodeMapTool</name>
    <message>
        <location filename="../cim_twin_plugin/gui/gridcode_tool.py" line="35"/>
        <source>Beidou grid code (level {level}) at {lon:.6f}, {lat:.6f}: {code}</source>
        <translation>{lon:.6f}, {lat:.6f} 处的北斗网格位置码（第 {level} 级）：{code}</translation>
    </message>
</context>
<context>
    <name>QgisIO</name>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/common.py" line="56"/>
        <source>Canceled by the user.</source>
        <translation>用户已取消。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/common.py" line="109"/>
        <source>feature has no geometry</source>
        <translation>要素没有几何</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/common.py" line="116"/>
        <source>coordinates cannot be transformed to CGCS2000 longitude/latitude</source>
        <translation>坐标无法转换为 CGCS2000 经纬度</translation>
    </message>
</context>
</TS>
