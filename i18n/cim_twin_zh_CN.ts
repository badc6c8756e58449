<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>AddressAlgorithm</name>
    <message>
        <location filename="../processing_algs/address_common.py" line="68"/>
        <source>Parsing with the address model {path}: it decides street ... room; divisions and codes come from the gazetteer.</source>
        <translation>使用地址模型 {path} 解析：街道……室由模型判定；行政区划及代码来自地名库。</translation>
    </message>
    <message>
        <location filename="../processing_algs/address_common.py" line="31"/>
        <source>Default region</source>
        <translation>默认地区</translation>
    </message>
    <message>
        <location filename="../processing_algs/address_common.py" line="32"/>
        <source>Optional division name or code, e.g. 上海市 or 310000. A district name that exists in several cities (普陀区, 朝阳区, 鼓楼区) written without its city is read inside this region. Without it such an address stays ambiguous: status partial, reason ambiguous_district with the candidates.</source>
        <translation>可选，行政区划名称或代码，例如 上海市 或 310000。在多个城市都有的区县名（普陀区、朝阳区、鼓楼区）若未写明所属城市，则在该地区内解读。不设置时，此类地址仍有歧义：status 为 partial，reason 为 ambiguous_district，并列出候选项。</translation>
    </message>
</context>
<context>
    <name>AddressModelParameter</name>
    <message>
        <location filename="../processing_algs/parameters.py" line="84"/>
        <source>Address model</source>
        <translation>地址模型</translation>
    </message>
    <message>
        <location filename="../processing_algs/parameters.py" line="85"/>
        <source>Optional model file written by Train an address model: it decides street, community, road, lane, number, building, unit, floor, room and POI (divisions and codes stay with the gazetteer). Use the gazetteer additions it was trained with. Needs python-crfsuite in QGIS&apos;s Python (pip install python-crfsuite); without a model the rules parse.</source>
        <translation>可选的模型文件，由“训练地址模型”生成：由它判定街道、社区、路、弄、号、幢、单元、层、室和兴趣点（行政区划及代码仍由地名库决定）。请使用训练时所用的地名库补充。需要在 QGIS 的 Python 中安装 python-crfsuite（pip install python-crfsuite）；没有模型时按规则解析。</translation>
    </message>
</context>
<context>
    <name>AggregatePopulationAlgorithm</name>
    <message>
        <location filename="../processing_algs/aggregatepopulation.py" line="56"/>
        <source>Aggregate the population with suppression</source>
        <translation>带抑制的人口汇总统计</translation>
    </message>
    <message>
        <location filename="../processing_algs/aggregatepopulation.py" line="59"/>
        <source>Counts the persons of the population base (the households of Fuse persons from the sources, with their member counts) per unit (communities, streets, grid cells or any polygons) and group (age group, residence status) for publication.

Primary suppression withholds every count from 1 to MIN_COUNT - 1. Secondary suppression withholds more counts until none of the withheld ones can be worked out from the published counts and the unit, group and parent-unit totals; an audit by linear programming (HiGHS) computes each withheld count&apos;s feasible range, and the log gives the smallest. Totals are published only when safe.

Every household is counted in the unit that holds its point; households in no unit are counted apart and said in the log.</source>
        <translation>按单元（社区、街道、网格单元或任意面）和分组（年龄组、居住状态）统计人口底库中的人数（即“多源人员融合”输出的户及其成员数），用于对外公布。

一次抑制隐去 1 到 MIN_COUNT - 1 的所有计数。二次抑制继续隐去更多计数，直到任何被隐去的计数都无法由已公布的计数以及单元、分组和父单元合计推算出来；通过线性规划（HiGHS）审计计算每个被隐去计数的可行区间，并在日志中给出最小区间。合计仅在安全时公布。

每户计入其点所在的单元；不在任何单元内的户单独统计，并在日志中说明。</translation>
    </message>
    <message>
        <location filename="../processing_algs/aggregatepopulation.py" line="71"/>
        <source>Households with member counts</source>
        <translation>含成员数的户</translation>
    </message>
    <message>
        <location filename="../processing_algs/aggregatepopulation.py" line="73"/>
        <source>The households output of Fuse persons from the sources (members, n_0_2 ... n_80p, n_same_room, n_registered_elsewhere, n_resident, n_floating).</source>
        <translation>“多源人员融合”的户输出（members、n_0_2 ... n_80p、n_same_room、n_registered_elsewhere、n_resident、n_floating）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/aggregatepopulation.py" line="76"/>
        <source>Members field</source>
        <translation>成员数字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/aggregatepopulation.py" line="79"/>
        <source>Persons per household; groups that leave some members out count them as unknown, so every dimension adds up to the members.</source>
        <translation>每户人数；某分组未覆盖的成员计为未知，因此每个维度之和都等于成员数。</translation>
    </message>
    <message>
        <location filename="../processing_algs/aggregatepopulation.py" line="82"/>
        <source>Units</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../processing_algs/aggregatepopulation.py" line="84"/>
        <source>Polygons to count in: communities, streets, grid cells or any areas.</source>
        <translation>用于统计的面：社区、街道、网格单元或任意区域。</translation>
    </message>
    <message>
        <location filename="../processing_algs/aggregatepopulation.py" line="86"/>
        <source>Unit id field</source>
        <translation>单元 ID 字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/aggregatepopulation.py" line="88"/>
        <source>Field with unique unit ids, e.g. the 12-digit community code.</source>
        <translation>单元唯一 ID 所在字段，例如 12 位社区代码。</translation>
    </message>
    <message>
        <location filename="../processing_algs/aggregatepopulation.py" line="90"/>
        <source>Parent unit field</source>
        <translation>父单元字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/aggregatepopulation.py" line="92"/>
        <source>Optional: the unit each unit lies in (e.g. the street code of a community); the parents&apos; totals are published too, and protected with the units.</source>
        <translation>可选：各单元所属的上级单元（例如社区所属的街道代码）；父单元的合计也会公布，并与各单元一起受保护。</translation>
    </message>
    <message>
        <location filename="../processing_algs/aggregatepopulation.py" line="95"/>
        <source>Groups</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../processing_algs/aggregatepopulation.py" line="95"/>
        <source>Age group</source>
        <translation>年龄组</translation>
    </message>
    <message>
        <location filename="../processing_algs/aggregatepopulation.py" line="95"/>
        <source>Living status (人户一致 / 人在户不在)</source>
        <translation>人户状态（人户一致 / 人在户不在）</translation>
    </message>
    <message>
        <location filename="../processing_algs/aggregatepopulation.py" line="95"/>
        <source>Residence type (常住 / 流动)</source>
        <translation>居住类型（常住 / 流动）</translation>
    </message>
    <message>
        <location filename="../processing_algs/aggregatepopulation.py" line="98"/>
        <source>The dimensions to count by; several are protected together (they share the unit totals).</source>
        <translation>用于统计的维度；多个维度会一起保护（它们共用单元合计）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/aggregatepopulation.py" line="101"/>
        <source>Smallest published count</source>
        <translation>最小公布计数</translation>
    </message>
    <message>
        <location filename="../processing_algs/aggregatepopulation.py" line="103"/>
        <source>Counts from 1 to this value minus 1 are withheld (default 10).</source>
        <translation>1 到此值减 1 的计数将被隐去（默认 10）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/aggregatepopulation.py" line="105"/>
        <source>Withhold zeros too</source>
        <translation>同时隐去零值</translation>
    </message>
    <message>
        <location filename="../processing_algs/aggregatepopulation.py" line="106"/>
        <source>A zero names nobody and is published by default; withhold it when an empty group would itself tell something about the others of the unit.</source>
        <translation>零值不指向任何人，默认公布；若某分组为空本身就会透露该单元其他人的信息，请将其隐去。</translation>
    </message>
    <message>
        <location filename="../processing_algs/aggregatepopulation.py" line="109"/>
        <source>Counts</source>
        <translation>计数</translation>
    </message>
    <message>
        <location filename="../processing_algs/aggregatepopulation.py" line="110"/>
        <source>One row per unit x group and per total: count (empty when withheld), withheld, reason.</source>
        <translation>每个单元 × 分组及每个合计一行：count（被隐去时为空）、withheld、reason。</translation>
    </message>
    <message>
        <location filename="../processing_algs/aggregatepopulation.py" line="113"/>
        <source>Counts published</source>
        <translation>已公布计数个数</translation>
    </message>
    <message>
        <location filename="../processing_algs/aggregatepopulation.py" line="114"/>
        <source>Counts withheld</source>
        <translation>已隐去计数个数</translation>
    </message>
    <message>
        <location filename="../processing_algs/aggregatepopulation.py" line="115"/>
        <source>Smallest range of a withheld count</source>
        <translation>被隐去计数的最小区间</translation>
    </message>
    <message>
        <location filename="../processing_algs/aggregatepopulation.py" line="162"/>
        <source>{n} households of {layer} lie in no unit of {units}: they are not counted.</source>
        <translation>{layer} 中有 {n} 户不在 {units} 的任何单元内：不计入统计。</translation>
    </message>
    <message>
        <location filename="../processing_algs/aggregatepopulation.py" line="165"/>
        <source>{n} households lie in several units (overlapping units): each is counted in the first.</source>
        <translation>{n} 户位于多个单元中（单元重叠）：每户只计入第一个单元。</translation>
    </message>
    <message>
        <location filename="../processing_algs/aggregatepopulation.py" line="177"/>
        <source>{n} withheld counts could not be fully protected: publish fewer groups or larger units.</source>
        <translation>{n} 个被隐去的计数无法得到完全保护：请减少公布的分组或使用更大的单元。</translation>
    </message>
    <message>
        <location filename="../processing_algs/aggregatepopulation.py" line="190"/>
        <source>{n} households in = {placed} in units + {outside} in no unit; {rows} counts: {published} published, {withheld} withheld.</source>
        <translation>输入 {n} 户 = 位于单元内 {placed} 户 + 不在任何单元内 {outside} 户；{rows} 个计数：已公布 {published} 个，已隐去 {withheld} 个。</translation>
    </message>
</context>
<context>
    <name>BuildingAddressParameters</name>
    <message>
        <location filename="../processing_algs/parameters.py" line="107"/>
        <source>Building footprints</source>
        <translation>建筑轮廓</translation>
    </message>
    <message>
        <location filename="../processing_algs/parameters.py" line="109"/>
        <source>Polygons of the buildings with their address (one field or road/lane/number fields), in any CRS; households are written in this CRS.</source>
        <translation>带地址的建筑面（一个地址字段，或道路/弄/号字段），任意坐标系；户点按此坐标系写出。</translation>
    </message>
    <message>
        <location filename="../processing_algs/parameters.py" line="112"/>
        <source>Building id field</source>
        <translation>建筑 ID 字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/parameters.py" line="114"/>
        <source>Field with unique building ids (e.g. building_id); default: the feature id.</source>
        <translation>建筑唯一 ID 所在字段（例如 building_id）；默认为要素 ID。</translation>
    </message>
    <message>
        <location filename="../processing_algs/parameters.py" line="116"/>
        <source>Building address field</source>
        <translation>建筑地址字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/parameters.py" line="118"/>
        <source>Field with the building's full address (上海市浦东新区锦绣路1000弄12号). Or give the road and number fields instead.</source>
        <translation>建筑完整地址所在字段（上海市浦东新区锦绣路1000弄12号）。也可改为给出道路和门牌号字段。</translation>
    </message>
    <message>
        <location filename="../processing_algs/parameters.py" line="121"/>
        <source>Building road field</source>
        <translation>建筑道路字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/parameters.py" line="121"/>
        <source>Field with the road name (锦绣路).</source>
        <translation>道路名称所在字段（锦绣路）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/parameters.py" line="121"/>
        <source>Building lane field</source>
        <translation>建筑弄号字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/parameters.py" line="121"/>
        <source>Field with the lane number (弄), if any.</source>
        <translation>弄号所在字段（如有）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/parameters.py" line="121"/>
        <source>Building number field</source>
        <translation>建筑门牌号字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/parameters.py" line="121"/>
        <source>Field with the house number (号).</source>
        <translation>门牌号（号）所在字段。</translation>
    </message>
    <message>
        <location filename="../processing_algs/parameters.py" line="121"/>
        <source>Building floors field</source>
        <translation>建筑层数字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/parameters.py" line="121"/>
        <source>Field with the number of floors; fuzzy matches must fit in the building.</source>
        <translation>建筑层数所在字段；模糊匹配的户室必须在建筑层数之内。</translation>
    </message>
    <message>
        <location filename="../processing_algs/parameters.py" line="133"/>
        <source>Gazetteer additions (CSV)</source>
        <translation>地名词典补充（CSV）</translation>
    </message>
    <message>
        <location filename="../processing_algs/parameters.py" line="135"/>
        <source>Optional CSV with the columns level, name, code, parent (streets, communities, roads, POIs); the buildings&apos; roads are added automatically.</source>
        <translation>可选的 CSV，列为 level、name、code、parent（街道、社区、道路、POI）；建筑的道路会自动加入。</translation>
    </message>
</context>
<context>
    <name>BuildingDsmAlgorithm</name>
    <message>
        <location filename="../processing_algs/buildingdsm.py" line="29"/>
        <source>Building surface model (DSM)</source>
        <translation>建筑表面模型（DSM）</translation>
    </message>
    <message>
        <location filename="../processing_algs/buildingdsm.py" line="32"/>
        <source>Burns building footprints into a DEM: every cell whose centre lies in a footprint gets the ground level under the building (lowest or mean DEM value) plus the building&apos;s height; buildings smaller than a cell take the cell of a point inside them. The output has the DEM&apos;s grid and CRS (a geographic DEM is reprojected to UTM first, as the log says).

Heights come from the height field, else floors x floor height. Buildings without a height or geometry are skipped and counted in the log; invalid footprints are repaired.</source>
        <translation>将建筑轮廓烧录到 DEM 中：中心落在轮廓内的每个栅格单元取建筑下方的地面高程（DEM 最低值或平均值）加上建筑高度；小于一个单元的建筑取其内部一点所在的单元。输出与 DEM 的栅格和坐标系相同（地理坐标系的 DEM 先重投影到 UTM，日志中会说明）。

高度取自高度字段，否则为层数 × 层高。没有高度或几何的建筑被跳过并在日志中计数；无效轮廓会被修复。</translation>
    </message>
    <message>
        <location filename="../processing_algs/buildingdsm.py" line="42"/>
        <source>DEM</source>
        <translation>数字高程模型（DEM）</translation>
    </message>
    <message>
        <location filename="../processing_algs/buildingdsm.py" line="43"/>
        <source>Terrain heights in metres, any CRS.</source>
        <translation>地形高程（米），任意坐标系。</translation>
    </message>
    <message>
        <location filename="../processing_algs/buildingdsm.py" line="47"/>
        <source>Building DSM</source>
        <translation>建筑 DSM</translation>
    </message>
    <message>
        <location filename="../processing_algs/buildingdsm.py" line="50"/>
        <source>Buildings on the surface</source>
        <translation>位于表面上的建筑</translation>
    </message>
    <message>
        <location filename="../processing_algs/buildingdsm.py" line="51"/>
        <source>Buildings skipped</source>
        <translation>跳过的建筑</translation>
    </message>
    <message>
        <location filename="../processing_algs/buildingdsm.py" line="66"/>
        <source>Output CRS: {crs}.</source>
        <translation>输出坐标系：{crs}。</translation>
    </message>
    <message>
        <location filename="../processing_algs/buildingdsm.py" line="48"/>
        <source>GeoTIFF on the DEM&apos;s grid: ground + building height (float32, nodata = NaN).</source>
        <translation>与 DEM 栅格一致的 GeoTIFF：地面 + 建筑高度（float32，无数据 = NaN）。</translation>
    </message>
</context>
<context>
    <name>BuildingParameters</name>
    <message>
        <location filename="../processing_algs/parameters.py" line="36"/>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../processing_algs/parameters.py" line="39"/>
        <source>Building footprints (any CRS) with a height or a number of floors.</source>
        <translation>带有高度或层数的建筑轮廓（任意坐标系）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/parameters.py" line="41"/>
        <source>Building height field (m)</source>
        <translation>建筑高度字段（米）</translation>
    </message>
    <message>
        <location filename="../processing_algs/parameters.py" line="45"/>
        <source>Height above ground in metres. Where it is empty the floors field is used.</source>
        <translation>地面以上高度（米）。为空时使用层数字段。</translation>
    </message>
    <message>
        <location filename="../processing_algs/parameters.py" line="47"/>
        <source>Floors field</source>
        <translation>层数字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/parameters.py" line="51"/>
        <source>Number of floors; height = floors x floor height where the height is empty.</source>
        <translation>层数；高度为空时高度 = 层数 × 层高。</translation>
    </message>
    <message>
        <location filename="../processing_algs/parameters.py" line="53"/>
        <source>Floor height (m)</source>
        <translation>层高（米）</translation>
    </message>
    <message>
        <location filename="../processing_algs/parameters.py" line="57"/>
        <source>Metres per floor when heights come from the floors field.</source>
        <translation>由层数字段计算高度时每层的米数。</translation>
    </message>
    <message>
        <location filename="../processing_algs/parameters.py" line="59"/>
        <source>Ground level under a building</source>
        <translation>建筑下方的地面高程</translation>
    </message>
    <message>
        <location filename="../processing_algs/parameters.py" line="59"/>
        <source>Lowest DEM value under the footprint</source>
        <translation>轮廓下方 DEM 的最低值</translation>
    </message>
    <message>
        <location filename="../processing_algs/parameters.py" line="59"/>
        <source>Mean DEM value under the footprint</source>
        <translation>轮廓下方 DEM 的平均值</translation>
    </message>
    <message>
        <location filename="../processing_algs/parameters.py" line="64"/>
        <source>The roof is this ground level plus the building height.</source>
        <translation>屋顶高程 = 该地面高程 + 建筑高度。</translation>
    </message>
    <message>
        <location filename="../processing_algs/parameters.py" line="69"/>
        <source>Largest raster accepted (cells)</source>
        <translation>可接受的最大栅格（单元数）</translation>
    </message>
    <message>
        <location filename="../processing_algs/parameters.py" line="73"/>
        <source>Rasters with more cells are refused with an estimate of the memory they need.</source>
        <translation>单元数更多的栅格将被拒绝，并给出所需内存的估算。</translation>
    </message>
</context>
<context>
    <name>CheckHierarchyAlgorithm</name>
    <message>
        <location filename="../processing_algs/checkhierarchy.py" line="49"/>
        <source>Check the administrative hierarchy</source>
        <translation>检查行政区划层级</translation>
    </message>
    <message>
        <location filename="../processing_algs/checkhierarchy.py" line="52"/>
        <source>Checks that administrative units nest without gaps or overlaps (province &gt; city &gt; district &gt; street &gt; community &gt; grid): gaps in a parent not covered by its children, overlaps between units of one parent, parts of units outside their parent, parent codes that do not exist. With buildings, it reports buildings in no community or split between several, and writes the buildings with the community and street code they lie in (the community holding most of the footprint).

Areas are in square metres, computed in the layer CRS if it is projected, else in the UTM zone of the data; the report is written in that CRS.</source>
        <translation>检查行政区划单元是否无缝隙、无重叠地逐级嵌套（省 &gt; 市 &gt; 区县 &gt; 街道 &gt; 社区 &gt; 网格）：父单元中未被子单元覆盖的缝隙、同一父单元下单元之间的重叠、超出父单元的部分、不存在的父代码。给出建筑时，报告不在任何社区或跨多个社区的建筑，并写出带所在社区和街道代码的建筑（取占轮廓面积最大的社区）。

面积以平方米计，图层坐标系为投影坐标系时在其中计算，否则在数据所在的 UTM 带中计算；报告按该坐标系写出。</translation>
    </message>
    <message>
        <location filename="../processing_algs/checkhierarchy.py" line="63"/>
        <source>Administrative units</source>
        <translation>行政区划单元</translation>
    </message>
    <message>
        <location filename="../processing_algs/checkhierarchy.py" line="65"/>
        <source>Polygons of all levels in one layer, with code, level and parent code fields.</source>
        <translation>所有层级在一个图层中的面，含代码、层级和父代码字段。</translation>
    </message>
    <message>
        <location filename="../processing_algs/checkhierarchy.py" line="67"/>
        <source>Code field</source>
        <translation>代码字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/checkhierarchy.py" line="67"/>
        <source>Field with the unit&apos;s code.</source>
        <translation>单元代码所在字段。</translation>
    </message>
    <message>
        <location filename="../processing_algs/checkhierarchy.py" line="67"/>
        <source>Level field</source>
        <translation>层级字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/checkhierarchy.py" line="67"/>
        <source>Field with the level: province, city, district, street, community or grid.</source>
        <translation>层级所在字段：province、city、district、street、community 或 grid。</translation>
    </message>
    <message>
        <location filename="../processing_algs/checkhierarchy.py" line="67"/>
        <source>Parent code field</source>
        <translation>父代码字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/checkhierarchy.py" line="67"/>
        <source>Field with the code of the parent unit.</source>
        <translation>父单元代码所在字段。</translation>
    </message>
    <message>
        <location filename="../processing_algs/checkhierarchy.py" line="79"/>
        <source>Building footprints</source>
        <translation>建筑轮廓</translation>
    </message>
    <message>
        <location filename="../processing_algs/checkhierarchy.py" line="82"/>
        <source>Optional: buildings to place in communities (any CRS).</source>
        <translation>可选：要放入社区的建筑（任意坐标系）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/checkhierarchy.py" line="84"/>
        <source>Building id field</source>
        <translation>建筑 ID 字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/checkhierarchy.py" line="86"/>
        <source>Field with unique building ids; default: the feature id.</source>
        <translation>建筑唯一 ID 所在字段；默认为要素 ID。</translation>
    </message>
    <message>
        <location filename="../processing_algs/checkhierarchy.py" line="88"/>
        <source>Area tolerance (m²)</source>
        <translation>面积容差（平方米）</translation>
    </message>
    <message>
        <location filename="../processing_algs/checkhierarchy.py" line="90"/>
        <source>Gaps, overlaps and parts outside the parent smaller than this are ignored (digitising slivers).</source>
        <translation>小于此值的缝隙、重叠和超出父单元的部分将被忽略（数字化碎片）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/checkhierarchy.py" line="94"/>
        <source>Hierarchy report</source>
        <translation>层级检查报告</translation>
    </message>
    <message>
        <location filename="../processing_algs/checkhierarchy.py" line="95"/>
        <source>One row per finding: kind, code, other code, level, area_m2 and the problem&apos;s polygon (gap, overlap, part outside, building).</source>
        <translation>每个问题一行：kind、code、other、level、area_m2 以及问题所在的面（缝隙、重叠、超出部分、建筑）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/checkhierarchy.py" line="98"/>
        <source>Buildings with community codes</source>
        <translation>带社区代码的建筑</translation>
    </message>
    <message>
        <location filename="../processing_algs/checkhierarchy.py" line="101"/>
        <source>Optional: the buildings with community_code, street_code and n_communities.</source>
        <translation>可选：带 community_code、street_code 和 n_communities 的建筑。</translation>
    </message>
    <message>
        <location filename="../processing_algs/checkhierarchy.py" line="103"/>
        <source>Findings</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../processing_algs/checkhierarchy.py" line="122"/>
        <source>The layer {layer}: feature {fid} has no geometry; fix or delete it.</source>
        <translation>图层 {layer}：要素 {fid} 没有几何；请修复或删除它。</translation>
    </message>
    <message>
        <location filename="../processing_algs/checkhierarchy.py" line="194"/>
        <source>{units} units and {buildings} buildings checked in {crs}: {n} findings ({kinds}).</source>
        <translation>已在 {crs} 中检查 {units} 个单元和 {buildings} 栋建筑：发现 {n} 个问题（{kinds}）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/checkhierarchy.py" line="130"/>
        <source>{layer}, feature {fid}</source>
        <translation>{layer}，要素 {fid}</translation>
    </message>
</context>
<context>
    <name>CimTwin</name>
    <message>
        <location filename="../processing_algs/provider.py" line="198"/>
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
        <location filename="../processing_algs/provider.py" line="201"/>
        <source>CIM Twin: city digital twin analysis</source>
        <translation>CIM 数字孪生：城市数字孪生分析</translation>
    </message>
</context>
<context>
    <name>CimTwinProvider</name>
    <message>
        <location filename="../processing_algs/provider.py" line="121"/>
        <source>Install it in the Python that QGIS runs: on Windows in the OSGeo4W Shell: python -m pip install {pip}; on macOS: /Applications/QGIS.app/Contents/MacOS/bin/python3 -m pip install {pip}; on Debian/Ubuntu: sudo apt install {debian}. Then restart QGIS.</source>
        <translation>请在 QGIS 所用的 Python 中安装：Windows 在 OSGeo4W Shell 中运行 python -m pip install {pip}；macOS 运行 /Applications/QGIS.app/Contents/MacOS/bin/python3 -m pip install {pip}；Debian/Ubuntu 运行 sudo apt install {debian}。然后重启 QGIS。</translation>
    </message>
    <message>
        <location filename="../processing_algs/provider.py" line="149"/>
        <source>{name} cannot run: the Python package {packages} is not installed.</source>
        <translation>{name} 无法运行：未安装 Python 包 {packages}。</translation>
    </message>
    <message>
        <location filename="../processing_algs/provider.py" line="158"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>CoreErrors</name>
    <message>
        <location filename="../cim_twin_plugin/core/address/csvio.py" line="39"/>
        <source>the text is neither UTF-8 nor GBK/GB18030 (undecodable bytes at offset {offset}); save the file as UTF-8 and try again</source>
        <translation>文本既不是 UTF-8 也不是 GBK/GB18030 编码（偏移 {offset} 处有无法解码的字节）；请将文件另存为 UTF-8 后重试</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/sources.py" line="580"/>
        <source>cannot read {path}: {error}</source>
        <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/address/csvio.py" line="61"/>
        <source>{file}: {error}</source>
        <translation>文件 {file}：{error}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/address/csvio.py" line="75"/>
        <source>{file}, line {line}: {error}</source>
        <translation>{file}，第 {line} 行：{error}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/sources.py" line="589"/>
        <source>{file} is empty: it needs a header line and rows</source>
        <translation>{file} 为空：需要一行表头和若干数据行</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/address/gazetteer.py" line="157"/>
        <source>unknown level {level} for {name}</source>
        <translation>{name} 的层级 {level} 未知</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/address/gazetteer.py" line="161"/>
        <source>division {division} has no name</source>
        <translation>行政区划 {division} 没有名称</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/address/gazetteer.py" line="258"/>
        <source>the gazetteer {where} needs the columns &apos;level&apos; and &apos;name&apos; (optional &apos;code&apos;, &apos;parent&apos;); it has {columns}</source>
        <translation>地名库 {where} 需要 'level' 和 'name' 列（'code'、'parent' 可选）；现有列为 {columns}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/address/gazetteer.py" line="272"/>
        <source>the gazetteer {where}, line {line}: level {level} is not one of province, city, district, street, community, road, poi</source>
        <translation>地名库 {where}，第 {line} 行：层级 {level} 不是 province、city、district、street、community、road、poi 之一</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/address/tagger.py" line="69"/>
        <source>an address model needs the python package python-crfsuite, which is not installed; install it into QGIS&apos;s Python (pip install python-crfsuite) or parse without a model</source>
        <translation>地址模型需要 Python 包 python-crfsuite，但尚未安装；请将其安装到 QGIS 的 Python 中（pip install python-crfsuite），或不使用模型进行解析</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/address/tagger.py" line="98"/>
        <source>cannot read the labelled addresses {path}: {error}</source>
        <translation>无法读取标注地址 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/address/tagger.py" line="108"/>
        <source>{file}, line {line}: expected &apos;token TAG&apos;, got {text}</source>
        <translation>{file}，第 {line} 行：应为 'token TAG'，实际为 {text}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/address/tagger.py" line="113"/>
        <source>{file}, line {line}: tag {tag} is not O or B-/I-/E-/S-&lt;label&gt;</source>
        <translation>{file}，第 {line} 行：标签 {tag} 不是 O 或 B-/I-/E-/S-&lt;label&gt;</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/address/tagger.py" line="120"/>
        <source>{file} has no labelled addresses (expected &apos;token TAG&apos; lines)</source>
        <translation>{file} 中没有标注地址（应为 'token TAG' 格式的行）</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/address/tagger.py" line="277"/>
        <source>cannot read the address model {path}: {error}</source>
        <translation>无法读取地址模型 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/address/tagger.py" line="280"/>
        <source>{file} is not an address model of this version of CIM Twin (train it again with cimtwin:trainaddressmodel)</source>
        <translation>{file} 不是本版本 CIM Twin 的地址模型（请用 cimtwin:trainaddressmodel 重新训练）</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/address/tagger.py" line="289"/>
        <source>{file} is damaged ({error}); train the model again</source>
        <translation>{file} 已损坏（{error}）；请重新训练模型</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/hierarchy.py" line="89"/>
        <source>the administrative unit {where} has no code: fill its code field</source>
        <translation>行政单元 {where} 没有代码：请填写其代码字段</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/hierarchy.py" line="93"/>
        <source>the code {unit_code} is used by two administrative units ({first}, {second})</source>
        <translation>代码 {unit_code} 被两个行政单元重复使用（{first}、{second}）</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/hierarchy.py" line="98"/>
        <source>the administrative unit {unit_code} ({where}) has no geometry</source>
        <translation>行政单元 {unit_code}（{where}）没有几何</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/network/build.py" line="67"/>
        <source>the network has no lines</source>
        <translation>路网中没有线</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/network/build.py" line="70"/>
        <source>one feature id, direction and speed is needed per line part</source>
        <translation>每个线部件都需要一个要素 ID、方向和速度</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/network/build.py" line="74"/>
        <source>direction codes must be 0 (both), 1 (forward) or 2 (backward)</source>
        <translation>方向代码必须为 0（双向）、1（正向）或 2（反向）</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/network/build.py" line="84"/>
        <source>the network has coordinates that are not finite numbers</source>
        <translation>路网中有坐标不是有限数值</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/network/build.py" line="105"/>
        <source>the network has no line with two distinct vertices</source>
        <translation>路网中没有一条线具有两个不同的顶点</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/network/build.py" line="143"/>
        <source>every line of the network is shorter than the snapping tolerance</source>
        <translation>路网中每条线都短于捕捉容差</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/network/model.py" line="48"/>
        <source>snapping tolerance must be 0 or more, not {value}</source>
        <translation>捕捉容差必须大于或等于 0，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/network/model.py" line="51"/>
        <source>mode must be &apos;drive&apos; or &apos;walk&apos;, not &apos;{value}&apos;</source>
        <translation>模式必须为 'drive' 或 'walk'，而不是 '{value}'</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/network/model.py" line="54"/>
        <source>walking speed must be more than 0, not {value}</source>
        <translation>步行速度必须大于 0，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/network/model.py" line="57"/>
        <source>default speed must be more than 0, not {value}</source>
        <translation>默认速度必须大于 0，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/network/routes.py" line="354"/>
        <source>the number of nearest facilities must be 1 or more, not {value}</source>
        <translation>最近设施数必须大于或等于 1，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/network/service.py" line="58"/>
        <source>cost band &apos;{value}&apos; is not a number</source>
        <translation>成本分段 '{value}' 不是数字</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/network/service.py" line="61"/>
        <source>cost band &apos;{value}&apos; must be more than 0</source>
        <translation>成本分段 '{value}' 必须大于 0</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/network/service.py" line="65"/>
        <source>no cost band given</source>
        <translation>未给出成本分段</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/dsm.py" line="24"/>
        <source>no geometry</source>
        <translation>没有几何</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/dsm.py" line="25"/>
        <source>no height (empty, zero or negative)</source>
        <translation>无高度（为空、零或负值）</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/dsm.py" line="26"/>
        <source>invalid footprint that cannot be repaired</source>
        <translation>轮廓无效且无法修复</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/dsm.py" line="27"/>
        <source>not a polygon</source>
        <translation>不是多边形</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/dsm.py" line="28"/>
        <source>outside the DEM</source>
        <translation>位于 DEM 范围之外</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/dsm.py" line="29"/>
        <source>hidden under taller overlapping buildings</source>
        <translation>被重叠的更高建筑遮盖</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/dsm.py" line="30"/>
        <source>stands on nodata cells of the DEM</source>
        <translation>位于 DEM 的无数据栅格单元上</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/dsm.py" line="70"/>
        <source>unknown base {base}: use one of {bases}</source>
        <translation>未知的地面基准 {base}：请使用以下之一：{bases}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/grid.py" line="139"/>
        <source>The {what} has {rows} x {cols} = {cells:,} cells (about {gb:.1f} GB as float32, roughly three times that while computing), more than the limit of {limit:,} cells: clip the DEM to the area of interest or use coarser cells.</source>
        <translation>{what} 有 {rows} × {cols} = {cells:,} 个栅格单元（按 float32 约 {gb:.1f} GB，计算时约为其三倍），超过上限 {limit:,} 个单元：请将 DEM 裁剪到研究区域，或使用更粗的栅格单元。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/grid.py" line="157"/>
        <source>The raster {layer} cannot be opened: {error}</source>
        <translation>无法打开栅格 {layer}：{error}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/grid.py" line="164"/>
        <source>The raster {layer} has no coordinate reference system: assign one (Raster &gt; Projections &gt; Assign Projection) and run again.</source>
        <translation>栅格 {layer} 没有坐标参考系：请为其指定坐标参考系（栅格 &gt; 投影 &gt; 指定投影）后重新运行。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/grid.py" line="173"/>
        <source>The raster {layer} is rotated: warp it to a north-up grid first.</source>
        <translation>栅格 {layer} 带有旋转：请先将其重投影（warp）为正北朝上的栅格。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/grid.py" line="204"/>
        <source>The DEM&apos;s heights are in feet (band unit {unit}): converted to metres ({factor:.6g} m each).</source>
        <translation>DEM 的高程以英尺为单位（波段单位 {unit}）：已换算为米（每单位 {factor:.6g} m）。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/grid.py" line="242"/>
        <source>The raster {layer} is in a geographic CRS: reprojected to {crs} (WGS 84 / UTM) with {cell:.2f} m cells (bilinear) for the analysis; outputs are in {crs}.</source>
        <translation>栅格 {layer} 使用地理坐标系：分析时已重投影到 {crs}（WGS 84 / UTM），栅格单元大小 {cell:.2f} m（双线性插值）；输出采用 {crs}。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/grid.py" line="298"/>
        <source>The {what} output {path} cannot be written ({error}): choose a folder you can write to.</source>
        <translation>{what} 输出 {path} 无法写入（{error}）：请选择有写入权限的文件夹。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/los.py" line="25"/>
        <source>the observer lies outside the DEM</source>
        <translation>观察点位于 DEM 范围之外</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/los.py" line="26"/>
        <source>the target lies outside the DEM</source>
        <translation>目标点位于 DEM 范围之外</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/los.py" line="27"/>
        <source>the observer stands on a nodata cell of the DEM</source>
        <translation>观察点位于 DEM 的无数据栅格单元上</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/los.py" line="28"/>
        <source>the target stands on a nodata cell of the DEM</source>
        <translation>目标点位于 DEM 的无数据栅格单元上</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/observers.py" line="41"/>
        <source>{key} is not a number.</source>
        <translation>{key} 不是数字。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/observers.py" line="44"/>
        <source>RADIUS must be greater than 0 m (got {value}); leave it empty for the whole DEM.</source>
        <translation>RADIUS 必须大于 0 米（当前为 {value}）；留空表示整个 DEM。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/observers.py" line="49"/>
        <source>HFOV must be between 0 and 360 degrees (got {value}).</source>
        <translation>HFOV 必须在 0 到 360 度之间（当前为 {value}）。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/observers.py" line="54"/>
        <source>{key} must be between -90 and 90 degrees (got {value}).</source>
        <translation>{key} 必须在 -90 到 90 度之间（当前为 {value}）。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/viewshed.py" line="98"/>
        <source>{name}: the observer height is not a number</source>
        <translation>{name}：观察点高度不是数字</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/viewshed.py" line="101"/>
        <source>{name}: the target height is not a number</source>
        <translation>{name}：目标点高度不是数字</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/viewshed.py" line="104"/>
        <source>{name}: the azimuth is not a number</source>
        <translation>{name}：方位角不是数字</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/viewshed.py" line="107"/>
        <source>{name}: the radius must be greater than 0 (got {radius:g} m)</source>
        <translation>{name}：半径必须大于 0（当前为 {radius:g} m）</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/viewshed.py" line="111"/>
        <source>{name}: the horizontal field of view must be between 0 and 360 degrees (got {hfov:g})</source>
        <translation>{name}：水平视场角必须在 0 到 360 度之间（当前为 {hfov:g}）</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/viewshed.py" line="116"/>
        <source>{name}: the upward vertical angle must be between -90 and 90 degrees (got {value:g})</source>
        <translation>{name}：向上垂直角必须在 -90 到 90 度之间（当前为 {value:g}）</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/viewshed.py" line="121"/>
        <source>{name}: the downward vertical angle must be between -90 and 90 degrees (got {value:g})</source>
        <translation>{name}：向下垂直角必须在 -90 到 90 度之间（当前为 {value:g}）</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/viewshed.py" line="126"/>
        <source>{name}: the vertical angles leave no view (up {up:g}, down {down:g})</source>
        <translation>{name}：垂直角范围内没有视野（向上 {up:g}，向下 {down:g}）</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/viewshed.py" line="130"/>
        <source>{name}: the point has no valid coordinates</source>
        <translation>{name}：该点没有有效坐标</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/viewshed.py" line="134"/>
        <source>{name} lies outside the DEM ({x:.1f}, {y:.1f}): move it onto the raster</source>
        <translation>{name} 位于 DEM 范围之外 ({x:.1f}, {y:.1f})：请将其移到栅格范围内</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/viewshed.py" line="138"/>
        <source>{name} stands on a nodata cell of the DEM: move it onto valid terrain</source>
        <translation>{name} 位于 DEM 的无数据栅格单元上：请将其移到有效地形上</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/viewshed.py" line="275"/>
        <source>unknown viewshed algorithm {mode}: use one of {modes}</source>
        <translation>未知的可视域算法 {mode}：请使用以下之一：{modes}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/viewshed.py" line="278"/>
        <source>there is no observer to compute a viewshed from</source>
        <translation>没有可用于计算可视域的观察点</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/viewshed.py" line="464"/>
        <source>Worker processes cannot be started ({error}): the observers are computed on one core.</source>
        <translation>无法启动工作进程（{error}）：观察点将在单个核上计算。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/viewshed.py" line="484"/>
        <source>The worker processes stopped: the remaining observers are computed on one core.</source>
        <translation>工作进程已停止：其余观察点将在单个核上计算。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/gridcode.py" line="196"/>
        <source>level {level} is not a Beidou grid level; use an integer from 1 to 10</source>
        <translation>级别 {level} 不是北斗网格级别；请使用 1 到 10 的整数</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/gridcode.py" line="200"/>
        <source>level {level} is not a Beidou grid level; use an integer from 1 (6 x 4 degree cells) to 10 (1/2048 arc-second cells)</source>
        <translation>级别 {level} 不是北斗网格级别；请使用 1（6°×4° 网格）到 10（1/2048 角秒网格）的整数</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/gridcode.py" line="210"/>
        <source>height mode {mode} is unknown; use &apos;mixed&apos; (mixed radix, the default) or &apos;bitfield&apos; (Appendix C.14 bit fields)</source>
        <translation>未知的高度编码方式 {mode}；请使用 'mixed'（混合进制，默认）或 'bitfield'（附录 C.14 位域）</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/gridcode.py" line="224"/>
        <source>{what} {value} is not a number; give decimal degrees or metres as a number</source>
        <translation>{what} {value} 不是数字；请以数字给出十进制度或米</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/gridcode.py" line="242"/>
        <source>longitude {value} is not a finite number; give decimal degrees from -180 to 180</source>
        <translation>经度 {value} 不是有限数；请给出 -180 到 180 的十进制度</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/gridcode.py" line="247"/>
        <source>longitude {value} is outside -180..180 degrees; give geographic coordinates (CGCS2000/WGS84 decimal degrees), not projected ones</source>
        <translation>经度 {value} 超出 -180..180 度；请给出地理坐标（CGCS2000/WGS84 十进制度），而非投影坐标</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/gridcode.py" line="258"/>
        <source>latitude {value} is not a finite number; give decimal degrees from -88 to 88</source>
        <translation>纬度 {value} 不是有限数；请给出 -88 到 88 的十进制度</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/gridcode.py" line="263"/>
        <source>latitude {value} is outside -90..90 degrees; give geographic coordinates (CGCS2000/WGS84 decimal degrees), not projected ones</source>
        <translation>纬度 {value} 超出 -90..90 度；请给出地理坐标（CGCS2000/WGS84 十进制度），而非投影坐标</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/gridcode.py" line="268"/>
        <source>latitude {value} is outside the Beidou grid&apos;s range (-88..88 degrees, exclusive); polar cells are not supported</source>
        <translation>纬度 {value} 超出北斗网格范围（-88..88 度，不含端点）；不支持极区网格</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/gridcode.py" line="325"/>
        <source>height {value} m is outside the Beidou height range ({low:,.1f} .. {high:,.1f} m in {mode} mode); give the geodetic height in metres</source>
        <translation>高度 {value} m 超出北斗高度范围（{mode} 方式下 {low:,.1f} .. {high:,.1f} m）；请给出以米为单位的大地高</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/gridcode.py" line="380"/>
        <source>grid code {given} is not a string; give a code such as &apos;N50J47539B82&apos;</source>
        <translation>网格码 {given} 不是字符串；请给出如 'N50J47539B82' 的编码</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/gridcode.py" line="385"/>
        <source>grid code {text} contains non-ASCII characters; codes use only N/S, digits and A-V</source>
        <translation>网格码 {text} 含有非 ASCII 字符；编码只使用 N/S、数字和 A-V</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/gridcode.py" line="402"/>
        <source>grid code {text} has {length} characters, which is no Beidou code length; 2D codes have 4, 6, 7, 9, 11, 12, 14, 16, 18 or 20 characters, 3D codes 7, 10, 12, 15, 18, 20, 23, 26, 29 or 32</source>
        <translation>网格码 {text} 有 {length} 个字符，不是北斗编码的长度；二维编码为 4、6、7、9、11、12、14、16、18 或 20 个字符，三维编码为 7、10、12、15、18、20、23、26、29 或 32 个字符</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/gridcode.py" line="412"/>
        <source>grid code {text}: character {char} at position 4 is neither a band letter (2D code) nor a zone digit (3D code)</source>
        <translation>网格码 {text}：第 4 位的字符 {char} 既不是纬带字母（二维编码）也不是经带数字（三维编码）</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/gridcode.py" line="426"/>
        <source>grid code {text}: character {char} at position {position} is not a valid {what} (expected {digits_0}..{digits_radix_1})</source>
        <translation>网格码 {text}：第 {position} 位的字符 {char} 不是有效的 {what}（应为 {digits_0}..{digits_radix_1}）</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/gridcode.py" line="439"/>
        <source>grid code {text} must start with N or S (hemisphere), not {first}</source>
        <translation>网格码 {text} 必须以 N 或 S（半球）开头，而不是 {first}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/gridcode.py" line="451"/>
        <source>grid code {text}: zone {zone_text} is not valid; zones run from 01 to 60</source>
        <translation>网格码 {text}：经带 {zone_text} 无效；经带为 01 到 60</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/gridcode.py" line="457"/>
        <source>grid code {text}: band {band_char} is not valid; bands run from A to V (0 to 88 degrees of latitude; polar cells are not supported)</source>
        <translation>网格码 {text}：纬带 {band_char} 无效；纬带为 A 到 V（纬度 0 到 88 度；不支持极区网格）</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/gridcode.py" line="486"/>
        <source>grid code {text}: height digits a1a2 {pair} are not valid; they run from 00 to 63 (decimal)</source>
        <translation>网格码 {text}：高度位 a1a2 {pair} 无效；应为 00 到 63（十进制）</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/gridcode.py" line="638"/>
        <source>{what} must be numbers (or None for missing values): {error}</source>
        <translation>{what} 必须为数字（缺失值为 None）：{error}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/gridcode.py" line="674"/>
        <source>got {longitudes} longitudes but {latitudes} latitudes; give one latitude per longitude</source>
        <translation>给出了 {longitudes} 个经度但 {latitudes} 个纬度；每个经度需对应一个纬度</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/gridcode.py" line="684"/>
        <source>got {heights} heights for {count} points; give one height per point or a single height</source>
        <translation>{count} 个点给出了 {heights} 个高度；请每点给一个高度，或只给一个高度</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/gridcode.py" line="800"/>
        <source>extent {name} edge {number} is not a finite number; give decimal degrees</source>
        <translation>范围的 {name} 边 {number} 不是有限数；请给出十进制度</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/gridcode.py" line="805"/>
        <source>extent west {west} is east of east {east}; boxes crossing the 180 degree meridian are not supported, split the extent in two</source>
        <translation>范围西边 {west} 位于东边 {east} 以东；不支持跨 180 度经线的范围，请将其拆成两个</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/gridcode.py" line="810"/>
        <source>extent south {south} is north of north {north}; swap them</source>
        <translation>范围南边 {south} 位于北边 {north} 以北；请交换二者</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/gridcode.py" line="814"/>
        <source>extent ({west}, {south}, {east}, {north}) lies outside -180..180 x -90..90 degrees; give geographic coordinates (decimal degrees), not projected ones</source>
        <translation>范围 ({west}, {south}, {east}, {north}) 超出 -180..180 × -90..90 度；请给出地理坐标（十进制度），而非投影坐标</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/gridcode.py" line="819"/>
        <source>extent ({west}, {south}, {east}, {north}) lies in a polar cap (|latitude| &gt;= 88 degrees), which the Beidou grid does not cover here</source>
        <translation>范围 ({west}, {south}, {east}, {north}) 位于极区（|纬度| &gt;= 88 度），此处北斗网格不覆盖</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/gridcode.py" line="829"/>
        <source>extent latitude {south} is outside the Beidou grid&apos;s range (-88..88 degrees, exclusive); polar cells are not supported</source>
        <translation>范围纬度 {south} 超出北斗网格范围（-88..88 度，不含端点）；不支持极区网格</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/gridcode.py" line="863"/>
        <source>the extent covers {count:,} level-{level} cells, more than the limit of {max_cells:,}; choose a coarser level{hint} or a smaller extent</source>
        <translation>该范围覆盖 {count:,} 个 {level} 级网格，超过上限 {max_cells:,}；请选择更粗的级别{hint}或更小的范围</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/pairing.py" line="32"/>
        <source>{o} observers and {t} targets: only the first {n} are paired, the rest is not used.</source>
        <translation>{o} 个观察点和 {t} 个目标点：只配对前 {n} 个，其余不使用。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/pairing.py" line="39"/>
        <source>{o} observers x {t} targets = {n:,} sight lines, more than the limit of {limit:,}: select fewer points or raise MAX_PAIRS.</source>
        <translation>{o} 个观察点 × {t} 个目标点 = {n:,} 条视线，超过上限 {limit:,}：请选择更少的点或提高 MAX_PAIRS。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/visibility/pairing.py" line="46"/>
        <source>Unknown pairing {mode}: use one of {modes}.</source>
        <translation>未知的配对方式 {mode}：请使用 {modes} 之一。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/idnumber.py" line="159"/>
        <source>a 15-digit ID number must be 15 digits, got {value}</source>
        <translation>15 位身份证号必须为 15 位数字，实际为 {value}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/idnumber.py" line="163"/>
        <source>the 15-digit ID number {value} has no real birth date</source>
        <translation>15 位身份证号 {value} 中的出生日期不存在</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/idnumber.py" line="211"/>
        <source>not a valid ID number: {value}</source>
        <translation>不是有效的身份证号：{value}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/aggregate.py" line="119"/>
        <source>row {row}: the count in field {field} is not a whole number &gt;= 0</source>
        <translation>第 {row} 行：字段 {field} 中的计数不是大于或等于 0 的整数</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/aggregate.py" line="179"/>
        <source>row {row}: the dimensions give different numbers of people</source>
        <translation>第 {row} 行：各维度给出的人数不一致</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/aggregate.py" line="251"/>
        <source>the units&apos; parents form a cycle at unit {unit}</source>
        <translation>单元的父级关系在单元 {unit} 处形成循环</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/aggregate.py" line="266"/>
        <source>unit {unit} has counts and child units: give counts for the lowest units only</source>
        <translation>单元 {unit} 既有计数又有子单元：只能为最底层单元给出计数</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/aggregate.py" line="302"/>
        <source>unit {unit}: the dimensions give different numbers of people</source>
        <translation>单元 {unit}：各维度给出的人数不一致</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/aggregate.py" line="586"/>
        <source>the minimum count must be at least 1, not {value}</source>
        <translation>最小计数必须至少为 1，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/aggregate.py" line="607"/>
        <source>{figures} figures: {primary} withheld as small counts (&lt; {min_count}), {secondary} more to protect them</source>
        <translation>{figures} 个数值：{primary} 个作为小计数（&lt; {min_count}）被隐去，另有 {secondary} 个为保护它们而隐去</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/aggregate.py" line="610"/>
        <source>audit ({lps} linear programs): the smallest range of a withheld figure is {width}</source>
        <translation>审计（{lps} 个线性规划）：被隐去数值的最小区间为 {width}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/aggregate.py" line="615"/>
        <source>{n} withheld figures could not be given a range of +-{p}</source>
        <translation>{n} 个被隐去的数值无法保证 ±{p} 的区间</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/aggregate.py" line="619"/>
        <source>{n} input rows have no unit and are not counted</source>
        <translation>{n} 个输入行没有单元，未计入统计</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/fuse.py" line="661"/>
        <source>the secret key must be non-empty bytes</source>
        <translation>密钥必须是非空字节串</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/fuse.py" line="664"/>
        <source>{places} places for {records} records: place the same records</source>
        <translation>为 {records} 条记录给出了 {places} 个落位：落位须与记录一一对应</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/fuse.py" line="707"/>
        <source>{source}: the counts do not add up</source>
        <translation>{source}：各项计数之和不相符</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/fuse.py" line="709"/>
        <source>{source}: {rows} rows = {persons} in persons + {enterprises} in enterprises + {rejected} rejected</source>
        <translation>{source}：{rows} 行 = 进入人员 {persons} + 进入企业 {enterprises} + 拒收 {rejected}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/fuse.py" line="713"/>
        <source>{persons} persons: {same_room} same room, {other_room} other room, {outside} registered outside, {away} away, {unknown} unknown</source>
        <translation>{persons} 人：同户室 {same_room}，辖区内其他户室 {other_room}，户籍在辖区外 {outside}，外出 {away}，未知 {unknown}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/graph.py" line="108"/>
        <source>graph: {nodes} nodes, {relations} relations</source>
        <translation>图谱：{nodes} 个节点，{relations} 条关系</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/graph.py" line="111"/>
        <source>{label}: fields not written: {fields}</source>
        <translation>{label}：未写出的字段：{fields}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/graph.py" line="114"/>
        <source>{n} rows not exported (see the rejects)</source>
        <translation>{n} 行未导出（见拒收记录）</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/graph.py" line="133"/>
        <source>{label}: the field {field} holds personal data and is not exported</source>
        <translation>{label}：字段 {field} 含个人信息，不予导出</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/graph.py" line="140"/>
        <source>{label}: no key field is known for these nodes</source>
        <translation>{label}：这些节点没有已知的键字段</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/graph.py" line="266"/>
        <source>The graph output {path} cannot be written ({error}): choose a folder you can write to.</source>
        <translation>图谱输出 {path} 无法写入（{error}）：请选择有写入权限的文件夹。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/pipeline.py" line="58"/>
        <source>no source table was given</source>
        <translation>未给出源表</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/pipeline.py" line="72"/>
        <source>no table of persons among the sources (only enterprises)</source>
        <translation>源表中没有人员表（只有企业表）</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/rules.py" line="61"/>
        <source>tag rule &apos;{rule}&apos;, line {line}, column {column}: only &apos;not&apos; and a minus before a number are allowed</source>
        <translation>标签规则 '{rule}'，第 {line} 行第 {column} 列：只允许 'not' 和数字前的负号</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/rules.py" line="62"/>
        <source>tag rule &apos;{rule}&apos;, line {line}, column {column}: the comparison {op} is not allowed</source>
        <translation>标签规则 '{rule}'，第 {line} 行第 {column} 列：不允许比较运算 {op}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/rules.py" line="63"/>
        <source>tag rule &apos;{rule}&apos;, line {line}, column {column}: a list may hold only numbers and strings</source>
        <translation>标签规则 '{rule}'，第 {line} 行第 {column} 列：列表中只能包含数字和字符串</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/rules.py" line="64"/>
        <source>tag rule &apos;{rule}&apos;, line {line}, column {column}: only numbers, strings, True, False and None are allowed</source>
        <translation>标签规则 '{rule}'，第 {line} 行第 {column} 列：只允许数字、字符串、True、False 和 None</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/rules.py" line="65"/>
        <source>tag rule &apos;{rule}&apos;, line {line}, column {column}: the name &apos;{name}&apos; is not allowed</source>
        <translation>标签规则 '{rule}'，第 {line} 行第 {column} 列：不允许使用名称 '{name}'</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/rules.py" line="66"/>
        <source>tag rule &apos;{rule}&apos;, line {line}, column {column}: unknown field &apos;{name}&apos; (known: {known})</source>
        <translation>标签规则 '{rule}'，第 {line} 行第 {column} 列：未知字段 '{name}'（已知字段：{known}）</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/rules.py" line="67"/>
        <source>tag rule &apos;{rule}&apos;, line {line}, column {column}: calls are not allowed</source>
        <translation>标签规则 '{rule}'，第 {line} 行第 {column} 列：不允许函数调用</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/rules.py" line="68"/>
        <source>tag rule &apos;{rule}&apos;, line {line}, column {column}: attributes are not allowed</source>
        <translation>标签规则 '{rule}'，第 {line} 行第 {column} 列：不允许属性访问</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/rules.py" line="69"/>
        <source>tag rule &apos;{rule}&apos;, line {line}, column {column}: subscripts are not allowed</source>
        <translation>标签规则 '{rule}'，第 {line} 行第 {column} 列：不允许下标</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/rules.py" line="70"/>
        <source>tag rule &apos;{rule}&apos;, line {line}, column {column}: arithmetic is not allowed</source>
        <translation>标签规则 '{rule}'，第 {line} 行第 {column} 列：不允许算术运算</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/rules.py" line="71"/>
        <source>tag rule &apos;{rule}&apos;, line {line}, column {column}: {node} is not allowed (only comparisons, and/or/not, numbers, strings and field names)</source>
        <translation>标签规则 '{rule}'，第 {line} 行第 {column} 列：不允许 {node}（只允许比较、and/or/not、数字、字符串和字段名）</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/rules.py" line="72"/>
        <source>tag rule on line {line} must read &apos;name: expression&apos; (column {column})</source>
        <translation>第 {line} 行的标签规则必须写作 'name: expression'（第 {column} 列）</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/rules.py" line="73"/>
        <source>tag rule &apos;{rule}&apos;, line {line}, column {column}: the rule&apos;s name is not allowed</source>
        <translation>标签规则 '{rule}'，第 {line} 行第 {column} 列：不允许使用该规则名称</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/rules.py" line="74"/>
        <source>tag rule &apos;{rule}&apos;, line {line}, column {column}: the name is already a field or a rule</source>
        <translation>标签规则 '{rule}'，第 {line} 行第 {column} 列：该名称已是字段或规则</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/rules.py" line="75"/>
        <source>tag rule &apos;{rule}&apos;, line {line}, column {column}: the expression is empty</source>
        <translation>标签规则 '{rule}'，第 {line} 行第 {column} 列：表达式为空</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/rules.py" line="76"/>
        <source>tag rule &apos;{rule}&apos;, line {line}, column {column}: not a valid expression ({problem})</source>
        <translation>标签规则 '{rule}'，第 {line} 行第 {column} 列：不是有效的表达式（{problem}）</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/sources.py" line="216"/>
        <source>population config {file}, key {key}: {problem}</source>
        <translation>人口配置 {file}，键 {key}：{problem}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/sources.py" line="427"/>
        <source>cannot tell what source table {table} is (户籍, 居委台账, 卫健, 民政, 社保 or 企业) from its columns {columns}; name its role in the CONFIG file</source>
        <translation>无法根据列 {columns} 判断源表 {table} 的类型（户籍、居委台账、卫健、民政、社保或企业）；请在 CONFIG 文件中指明其角色</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/sources.py" line="468"/>
        <source>no column of source table {table} is recognised (columns: {columns}); map them in the CONFIG file</source>
        <translation>源表 {table} 中没有可识别的列（列：{columns}）；请在 CONFIG 文件中进行映射</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/sources.py" line="472"/>
        <source>{table}: role {role} ({how}); columns {columns}</source>
        <translation>{table}：角色 {role}（{how}）；列 {columns}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/sources.py" line="476"/>
        <source>{table}: columns not used: {columns}</source>
        <translation>{table}：未使用的列：{columns}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/sources.py" line="555"/>
        <source>{table}: {rows} rows, {records} records, {duplicates} exact duplicates</source>
        <translation>{table}：{rows} 行，{records} 条记录，{duplicates} 条完全重复</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/sources.py" line="559"/>
        <source>{table}: ID numbers {valid} valid, {converted} converted (15 digits, lower-case x), {invalid} invalid, {missing} missing</source>
        <translation>{table}：身份证号有效 {valid} 个，已转换 {converted} 个（15 位、小写 x），无效 {invalid} 个，缺失 {missing} 个</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/sources.py" line="563"/>
        <source>{table}: {count} values of {field} not understood (left empty)</source>
        <translation>{table}：{field} 有 {count} 个值无法识别（留空）</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/population/sources.py" line="575"/>
        <source>reading {file} needs the package {package}</source>
        <translation>读取 {file} 需要 {package} 包</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/address/gazetteer.py" line="307"/>
        <source>default region {region} is not one known division</source>
        <translation>默认地区 {region} 未对应唯一一个已知行政区划</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/demand/coverage.py" line="160"/>
        <source>the population has no count field {field}</source>
        <translation>人口数据中没有计数字段 {field}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/demand/coverage.py" line="165"/>
        <source>point {row}: the count in field {field} is not a whole number &gt;= 0</source>
        <translation>第 {row} 个点：字段 {field} 中的计数不是大于或等于 0 的整数</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/demand/coverage.py" line="253"/>
        <source>the unit table of {requirement} does not add up to the input total {total}</source>
        <translation>{requirement} 的单元表合计与输入总数 {total} 不符</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/demand/standard.py" line="49"/>
        <source>standard {path}, row {row}: {column} must be a number above 0</source>
        <translation>标准 {path}，第 {row} 行：{column} 必须是大于 0 的数字</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/demand/standard.py" line="62"/>
        <source>the standard {path} cannot be read (UTF-8 CSV)</source>
        <translation>无法读取标准 {path}（应为 UTF-8 CSV）</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/demand/standard.py" line="68"/>
        <source>the standard {path} has no column {columns}</source>
        <translation>标准 {path} 中没有列 {columns}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/demand/standard.py" line="75"/>
        <source>standard {path}, row {row}: facility_type and group_fields must be given</source>
        <translation>标准 {path}，第 {row} 行：必须给出 facility_type 和 group_fields</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/core/demand/standard.py" line="79"/>
        <source>standard {path}: the facility type {type} is given twice</source>
        <translation>标准 {path}：设施类型 {type} 出现了两次</translation>
    </message>
</context>
<context>
    <name>ExportPopulationGraphAlgorithm</name>
    <message>
        <location filename="../processing_algs/exportpopulationgraph.py" line="39"/>
        <source>Export the population graph</source>
        <translation>导出人口关系图谱</translation>
    </message>
    <message>
        <location filename="../processing_algs/exportpopulationgraph.py" line="42"/>
        <source>Writes the entity-relation graph of the population base (the relations of Fuse persons from the sources: lives_in, registered_at, member_of, works_at, located_in, in) as a GraphML file (for networkx, Gephi, yEd) and as the CSV files of a Neo4j bulk import (neo4j-admin database import; the command is in the log).

Nodes carry only non-personal attributes (sex, birth year, age group, residence status, tags ...): other fields of the tables are left out and named in the log. Relations whose ends are in no table given are left out and counted.</source>
        <translation>将人口底库的实体关系图谱（“多源人员融合”输出的关系：lives_in、registered_at、member_of、works_at、located_in、in）写出为 GraphML 文件（供 networkx、Gephi、yEd 使用）以及 Neo4j 批量导入所用的 CSV 文件（neo4j-admin database import；命令见日志）。

节点只带非个人属性（性别、出生年份、年龄组、居住状态、标签等）：表中的其他字段不导出，并在日志中列出。端点不在任何给定表中的关系不导出，并计数。</translation>
    </message>
    <message>
        <location filename="../processing_algs/exportpopulationgraph.py" line="52"/>
        <source>Relations</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../processing_algs/exportpopulationgraph.py" line="52"/>
        <source>The relations output of Fuse persons from the sources.</source>
        <translation>“多源人员融合”的关系输出。</translation>
    </message>
    <message>
        <location filename="../processing_algs/exportpopulationgraph.py" line="52"/>
        <source>Persons</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../processing_algs/exportpopulationgraph.py" line="52"/>
        <source>The persons output (nodes Person).</source>
        <translation>人员输出（节点 Person）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/exportpopulationgraph.py" line="52"/>
        <source>Households</source>
        <translation>户</translation>
    </message>
    <message>
        <location filename="../processing_algs/exportpopulationgraph.py" line="52"/>
        <source>Optional: the households output (nodes Household).</source>
        <translation>可选：户输出（节点 Household）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/exportpopulationgraph.py" line="52"/>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../processing_algs/exportpopulationgraph.py" line="52"/>
        <source>Optional: the buildings (nodes Building, by building_id).</source>
        <translation>可选：建筑（节点 Building，按 building_id）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/exportpopulationgraph.py" line="65"/>
        <source>GraphML file</source>
        <translation>GraphML 文件</translation>
    </message>
    <message>
        <location filename="../processing_algs/exportpopulationgraph.py" line="65"/>
        <source>GraphML (*.graphml)</source>
        <translation>GraphML 文件 (*.graphml)</translation>
    </message>
    <message>
        <location filename="../processing_algs/exportpopulationgraph.py" line="67"/>
        <source>The graph as GraphML; leave empty to skip.</source>
        <translation>以 GraphML 格式写出的图谱；留空则跳过。</translation>
    </message>
    <message>
        <location filename="../processing_algs/exportpopulationgraph.py" line="69"/>
        <source>Neo4j import folder</source>
        <translation>Neo4j 导入文件夹</translation>
    </message>
    <message>
        <location filename="../processing_algs/exportpopulationgraph.py" line="71"/>
        <source>A folder for the Neo4j bulk-import CSV files (nodes_*.csv, rels_*.csv); leave empty to skip.</source>
        <translation>存放 Neo4j 批量导入 CSV 文件（nodes_*.csv、rels_*.csv）的文件夹；留空则跳过。</translation>
    </message>
    <message>
        <location filename="../processing_algs/exportpopulationgraph.py" line="74"/>
        <source>Nodes</source>
        <translation>节点数</translation>
    </message>
    <message>
        <location filename="../processing_algs/exportpopulationgraph.py" line="75"/>
        <source>Relations exported</source>
        <translation>已导出关系数</translation>
    </message>
    <message>
        <location filename="../processing_algs/exportpopulationgraph.py" line="76"/>
        <source>Neo4j import command</source>
        <translation>Neo4j 导入命令</translation>
    </message>
    <message>
        <location filename="../processing_algs/exportpopulationgraph.py" line="83"/>
        <source>Give a GraphML file (OUTPUT_GRAPHML), a Neo4j folder (OUTPUT_NEO4J) or both.</source>
        <translation>请给出 GraphML 文件（OUTPUT_GRAPHML）、Neo4j 文件夹（OUTPUT_NEO4J），或两者都给出。</translation>
    </message>
    <message>
        <location filename="../processing_algs/exportpopulationgraph.py" line="106"/>
        <source>Neo4j: {n} files in {folder}; import with: {command}</source>
        <translation>Neo4j：{folder} 中有 {n} 个文件；导入命令：{command}</translation>
    </message>
    <message>
        <location filename="../processing_algs/exportpopulationgraph.py" line="109"/>
        <source>{relations} relations in = {edges} exported + {rejected} left out; {nodes} nodes.</source>
        <translation>输入 {relations} 条关系 = 已导出 {edges} 条 + 未导出 {rejected} 条；{nodes} 个节点。</translation>
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
        <location filename="../cim_twin_plugin/expressions.py" line="97"/>
        <source>&lt;h3&gt;cim_grid_decode(code)&lt;/h3&gt;&lt;p&gt;Decodes a Beidou grid location code (2D or 3D) and returns a map with the keys level, is_3d, corner_lon, corner_lat, centre_lon, centre_lat, west, south, east, north (CGCS2000 degrees), height_bottom and height_top (metres, 3D codes only) and wkt (the cell polygon).&lt;/p&gt;&lt;h4&gt;Example&lt;/h4&gt;&lt;p&gt;map_get(cim_grid_decode(&quot;bd_code&quot;), &apos;centre_lon&apos;)&lt;/p&gt;</source>
        <translation>&lt;h3&gt;cim_grid_decode(code)&lt;/h3&gt;&lt;p&gt;解码北斗网格位置码（二维或三维），返回一个映射，键为 level、is_3d、corner_lon、corner_lat、centre_lon、centre_lat、west、south、east、north（CGCS2000 经纬度，单位度）、height_bottom 和 height_top（米，仅三维码）以及 wkt（网格单元多边形）。&lt;/p&gt;&lt;h4&gt;示例&lt;/h4&gt;&lt;p&gt;map_get(cim_grid_decode(&quot;bd_code&quot;), 'centre_lon')&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>FusePersonsAlgorithm</name>
    <message>
        <location filename="../processing_algs/fusepersons.py" line="56"/>
        <source>Fuse persons from the sources</source>
        <translation>多源人员融合</translation>
    </message>
    <message>
        <location filename="../processing_algs/fusepersons.py" line="59"/>
        <source>Builds the population base: the government tables a street office holds (户籍, 居委台账, 卫健, 民政, 社保, 企业) are read with their own columns and encodings, their records are linked into persons (by validated ID number; records without a valid ID by a conservative match on name, birth date and address: a wrong merge is worse than a missed one), each person's fields are fused by trust priority with the source of each value, and everyone is placed in the household where they live and the one where they are registered (the household join of Join records to households).

Outputs: persons (no name, no ID number, no phone: a person_key, the keyed hash of the ID number, with sex, birth year, age group, residence status 人户一致 / 人在户不在 / 人不在户在, 常住 / 流动 / 外出, the 1+9 profile and the X tags of your rules), households with member counts per age group and status, the relations (lives_in, registered_at, member_of, works_at, located_in, in), the conflicts between sources and the rejected rows with their reason. Per source, rows in = in persons + in enterprises + rejected (in the log).

Without a CONFIG the role and columns of each table are recognised from its headers (the log says what was recognised). Keep the key file safe: the same key gives the same person_keys.</source>
        <translation>构建人口底库：按各自的列和编码读取街道办掌握的政务表（户籍、居委台账、卫健、民政、社保、企业），将其中的记录关联为人员（依据校验后的身份证号；没有有效身份证号的记录按姓名、出生日期和地址保守匹配：错误合并比漏合并更糟），按可信优先级融合每个人的各字段并记录每个值的来源，再将每个人落位到其居住户和户籍户（采用“记录关联到户”的户关联方法）。

输出：人员（不含姓名、身份证号和电话：只有 person_key，即身份证号的密钥哈希，以及性别、出生年份、年龄组、居住状态 人户一致 / 人在户不在 / 人不在户在、常住 / 流动 / 外出、1+9 画像和按您的规则生成的 X 标签）、按年龄组和状态统计成员数的户、关系（lives_in、registered_at、member_of、works_at、located_in、in）、数据源之间的冲突，以及拒收行及其原因。每个数据源的输入行数 = 进入人员 + 进入企业 + 拒收（见日志）。

未提供 CONFIG 时，根据表头识别各表的角色和列（日志中说明识别结果）。请妥善保管密钥文件：相同的密钥生成相同的 person_key。</translation>
    </message>
    <message>
        <location filename="../processing_algs/fusepersons.py" line="77"/>
        <source>Source tables</source>
        <translation>源表</translation>
    </message>
    <message>
        <location filename="../processing_algs/fusepersons.py" line="79"/>
        <source>The government tables: CSV (UTF-8, UTF-8 with BOM, GBK or GB18030), Excel (.xlsx) or any table QGIS opens. Their role (户籍 hukou, 居委台账 ledger, 卫健 health, 民政 civil_affairs, 社保 social_security, 企业 enterprise) is recognised from the columns and the file name.</source>
        <translation>政务表：CSV（UTF-8、带 BOM 的 UTF-8、GBK 或 GB18030）、Excel（.xlsx）或 QGIS 能打开的任何表格。根据列和文件名识别其角色（户籍 hukou、居委台账 ledger、卫健 health、民政 civil_affairs、社保 social_security、企业 enterprise）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/fusepersons.py" line="84"/>
        <source>Configuration (TOML)</source>
        <translation>配置（TOML）</translation>
    </message>
    <message>
        <location filename="../processing_algs/fusepersons.py" line="86"/>
        <source>Optional: each source's role, column mapping, date formats and trust priority per field (see the example sample_district.toml in the plugin's core/population/data folder). Without it, roles and columns come from the usual Chinese headers and the default priorities (户籍 &gt; 民政 &gt; 社保 &gt; 卫健 &gt; 居委台账 for identity fields; 居委台账 first for where a person lives).</source>
        <translation>可选：各数据源的角色、列映射、日期格式以及各字段的可信优先级（参见插件 core/population/data 文件夹中的示例 sample_district.toml）。不提供时，角色和列根据常见的中文表头识别，并使用默认优先级（身份字段为 户籍 &gt; 民政 &gt; 社保 &gt; 卫健 &gt; 居委台账；居住地以居委台账优先）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/fusepersons.py" line="93"/>
        <source>Building community code field</source>
        <translation>建筑社区代码字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/fusepersons.py" line="95"/>
        <source>Optional: the buildings&apos; 12-digit community code (community_code), for the building -&gt; community relations.</source>
        <translation>可选：建筑的 12 位社区代码（community_code），用于生成建筑 -&gt; 社区关系。</translation>
    </message>
    <message>
        <location filename="../processing_algs/fusepersons.py" line="98"/>
        <source>Secret key file</source>
        <translation>密钥文件</translation>
    </message>
    <message>
        <location filename="../processing_algs/fusepersons.py" line="99"/>
        <source>The file holding the secret of the keyed hashes (person_key, family_key). If it does not exist a new random key is written there with a warning. The key is never written into an output or the log; keep the file safe and use the same one in every run.</source>
        <translation>存放密钥哈希（person_key、family_key）所用密钥的文件。若文件不存在，将在该位置写入新的随机密钥并给出警告。密钥绝不会写入任何输出或日志；请妥善保管该文件，并在每次运行时使用同一文件。</translation>
    </message>
    <message>
        <location filename="../processing_algs/fusepersons.py" line="104"/>
        <source>Reference date (YYYY-MM-DD)</source>
        <translation>基准日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../processing_algs/fusepersons.py" line="106"/>
        <source>Ages and age groups are computed as of this date; default: today.</source>
        <translation>按此日期计算年龄和年龄组；默认为今天。</translation>
    </message>
    <message>
        <location filename="../processing_algs/fusepersons.py" line="108"/>
        <source>Tag rules (X)</source>
        <translation>标签规则（X）</translation>
    </message>
    <message>
        <location filename="../processing_algs/fusepersons.py" line="110"/>
        <source>Optional: one rule per line, 'name: condition' over the person fields, e.g. 独居老人: age &gt;= 65 and living_alone, or 学龄儿童: 6 &lt;= age &lt; 12. Conditions use comparisons, and, or, not, in, numbers and text; the tags go to the persons' tags field.</source>
        <translation>可选：每行一条规则，格式为 'name: condition'，基于人员字段，例如 独居老人: age &gt;= 65 and living_alone，或 学龄儿童: 6 &lt;= age &lt; 12。条件可使用比较、and、or、not、in、数字和文本；标签写入人员的 tags 字段。</translation>
    </message>
    <message>
        <location filename="../processing_algs/fusepersons.py" line="138"/>
        <source>Persons</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../processing_algs/fusepersons.py" line="116"/>
        <source>One row per person, no geometry: person_key, sex, birth year, age and age group, residence status, where they live and are registered, the profile, tags and the source of each value. Personal data under PIPL: no names, ID numbers or phones.</source>
        <translation>每人一行，无几何：person_key、性别、出生年份、年龄和年龄组、居住状态、居住地和户籍地、画像、标签以及每个值的来源。属于《个人信息保护法》（PIPL）规定的个人信息：不含姓名、身份证号或电话。</translation>
    </message>
    <message>
        <location filename="../processing_algs/fusepersons.py" line="116"/>
        <source>Households</source>
        <translation>户</translation>
    </message>
    <message>
        <location filename="../processing_algs/fusepersons.py" line="116"/>
        <source>One point per lived-in household inside its building, with members per age group and residence status.</source>
        <translation>每个实住户一个点，位于其建筑内，附按年龄组和居住状态统计的成员数。</translation>
    </message>
    <message>
        <location filename="../processing_algs/fusepersons.py" line="116"/>
        <source>Relations</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../processing_algs/fusepersons.py" line="116"/>
        <source>The entity-relation graph: subject, predicate, object, source, valid_from.</source>
        <translation>实体关系图谱：subject、predicate、object、source、valid_from。</translation>
    </message>
    <message>
        <location filename="../processing_algs/fusepersons.py" line="138"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../processing_algs/fusepersons.py" line="116"/>
        <source>Fields on which the sources of a person disagree, and the source kept.</source>
        <translation>同一人员在各数据源之间取值不一致的字段，以及所采用的来源。</translation>
    </message>
    <message>
        <location filename="../processing_algs/fusepersons.py" line="116"/>
        <source>Rejected rows</source>
        <translation>拒收行</translation>
    </message>
    <message>
        <location filename="../processing_algs/fusepersons.py" line="116"/>
        <source>Source rows in no person and no enterprise, with the reason (source and row only).</source>
        <translation>未进入任何人员或企业的源表行，附原因（只含数据源和行号）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/fusepersons.py" line="138"/>
        <source>Source rows</source>
        <translation>源表行数</translation>
    </message>
    <message>
        <location filename="../processing_algs/fusepersons.py" line="138"/>
        <source>Lived-in households</source>
        <translation>实住户数</translation>
    </message>
    <message>
        <location filename="../processing_algs/fusepersons.py" line="138"/>
        <source>Rows rejected</source>
        <translation>拒收行数</translation>
    </message>
    <message>
        <location filename="../processing_algs/fusepersons.py" line="188"/>
        <source>{rows} source rows = {persons} in persons + {enterprises} in enterprises + {rejected} rejected ({reasons}).</source>
        <translation>{rows} 个源表行 = 进入人员 {persons} + 进入企业 {enterprises} + 拒收 {rejected}（{reasons}）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/fusepersons.py" line="194"/>
        <source>Internal error: source rows were lost in the fusion.</source>
        <translation>内部错误：融合过程中丢失了源表行。</translation>
    </message>
    <message>
        <location filename="../processing_algs/fusepersons.py" line="195"/>
        <source>{persons} persons in {households} lived-in households; {conflicts} conflicts between sources.</source>
        <translation>{households} 个实住户中共 {persons} 人；数据源之间有 {conflicts} 处冲突。</translation>
    </message>
    <message>
        <location filename="../processing_algs/fusepersons.py" line="250"/>
        <source>REFERENCE_DATE: {value} is not a date of the form YYYY-MM-DD (e.g. 2026-12-01).</source>
        <translation>REFERENCE_DATE：{value} 不是 YYYY-MM-DD 格式的日期（例如 2026-12-01）。</translation>
    </message>
</context>
<context>
    <name>GridCellsAlgorithm</name>
    <message>
        <location filename="../processing_algs/gridcells.py" line="40"/>
        <source>Beidou grid cells in an extent</source>
        <translation>范围内的北斗网格单元</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcells.py" line="43"/>
        <source>Creates the Beidou grid cells (GB/T 39409-2020) of one level that intersect an extent, as polygons in CGCS2000 longitude/latitude (EPSG:4490) with their code, level and centre. Use it as a reference grid for the twin or to count entities per cell.

A request of more cells than the maximum is refused before anything is written: choose a coarser level or a smaller extent, or raise the maximum.</source>
        <translation>生成与给定范围相交的某一层级北斗网格单元（GB/T 39409-2020），输出为 CGCS2000 经纬度（EPSG:4490）多边形，带网格码、层级和中心点。可用作孪生底座的参考网格，或按网格统计实体数量。

网格单元数超过上限的请求会在写出任何内容之前被拒绝：请选择更粗的层级或更小的范围，或提高上限。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcells.py" line="53"/>
        <source>Extent</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcells.py" line="54"/>
        <source>Area to cover, in any CRS (a layer&apos;s extent, the map canvas or coordinates).</source>
        <translation>要覆盖的区域，可为任意坐标系（图层范围、地图画布或坐标）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcells.py" line="59"/>
        <source>Grid level (1-10)</source>
        <translation>网格层级（1-10）</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcells.py" line="67"/>
        <source>Level of the cells: 4 = 1 minute (about 1.8 km), 5 = 4 seconds (about 124 m), 6 = 2 seconds (about 62 m), 7 = about 7.7 m. Finer levels give many cells.</source>
        <translation>网格单元的层级：4 = 1 分（约 1.8 千米），5 = 4 秒（约 124 米），6 = 2 秒（约 62 米），7 = 约 7.7 米。层级越细，单元越多。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcells.py" line="75"/>
        <source>Maximum number of cells</source>
        <translation>最大网格单元数</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcells.py" line="83"/>
        <source>The algorithm refuses to create more cells than this.</source>
        <translation>算法拒绝生成超过此数量的网格单元。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcells.py" line="87"/>
        <source>Grid cells</source>
        <translation>网格单元</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcells.py" line="97"/>
        <source>Number of cells</source>
        <translation>网格单元数</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcells.py" line="105"/>
        <source>The extent is empty: give an area to cover.</source>
        <translation>范围为空：请给出要覆盖的区域。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcells.py" line="110"/>
        <source>The extent holds {count} cells at level {level}, more than the maximum of {limit}: choose a coarser level or a smaller extent, or raise the maximum.</source>
        <translation>该范围在第 {level} 级包含 {count} 个网格单元，超过上限 {limit}：请选择更粗的层级或更小的范围，或提高上限。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcells.py" line="123"/>
        <source>Creating {count} cells of level {level} in CGCS2000 (EPSG:4490).</source>
        <translation>正在以 CGCS2000（EPSG:4490）生成 {count} 个第 {level} 级网格单元。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcells.py" line="140"/>
        <source>{count} cells written.</source>
        <translation>已写出 {count} 个网格单元。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcells.py" line="90"/>
        <source>Polygons of the cells in CGCS2000 longitude/latitude (EPSG:4490) with bd_code, level, centre_lon and centre_lat.</source>
        <translation>CGCS2000 经纬度（EPSG:4490）下的网格单元多边形，带 bd_code、level、centre_lon 和 centre_lat。</translation>
    </message>
</context>
<context>
    <name>GridCodeAlgorithm</name>
    <message>
        <location filename="../processing_algs/gridcode.py" line="50"/>
        <source>Beidou grid codes of features</source>
        <translation>要素北斗网格位置码</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="53"/>
        <source>Adds the Beidou grid location code (GB/T 39409-2020) of every feature in the field bd_code. Points use their own position, lines and polygons a point on their surface, transformed to CGCS2000 longitude/latitude (any input CRS works).

With a height field the code is three-dimensional (height digits interleaved after each level). With an administrative code field, entity_code is the administrative code followed by the grid code: the unique entity code of the twin.

Features that cannot be coded (no geometry, beyond 88 degrees latitude, empty height) are kept with an empty code and the reason in bd_reason; the log gives the counts.</source>
        <translation>在字段 bd_code 中为每个要素添加北斗网格位置码（GB/T 39409-2020）。点取其自身位置，线和面取其表面上的一点，并转换为 CGCS2000 经纬度（输入可为任意坐标系）。

指定高度字段时生成三维码（每一层级后交织高度码元）。指定行政区划代码字段时，entity_code 为行政区划代码加网格码，即孪生实体的唯一编码。

无法编码的要素（无几何、纬度超出 88 度、高度为空）会保留，编码为空，原因写入 bd_reason；日志给出各项计数。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="65"/>
        <source>Input layer</source>
        <translation>输入图层</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="68"/>
        <source>Any vector layer in any CRS: buildings, facilities, households, ...</source>
        <translation>任意坐标系的任意矢量图层：建筑、设施、户室等。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="71"/>
        <source>Grid level (1-10)</source>
        <translation>网格层级（1-10）</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="79"/>
        <source>Level of the grid cell: 1 = 6x4 degrees, 4 = 1 minute (about 1.8 km), 5 = 4 seconds (about 124 m), 6 = 2 seconds (about 62 m), 7 = about 7.7 m, 8 = about 1 m, 9 = about 12 cm, 10 = about 1.5 cm.</source>
        <translation>网格单元的层级：1 = 6×4 度，4 = 1 分（约 1.8 千米），5 = 4 秒（约 124 米），6 = 2 秒（约 62 米），7 = 约 7.7 米，8 = 约 1 米，9 = 约 12 厘米，10 = 约 1.5 厘米。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="88"/>
        <source>Height field (makes 3D codes)</source>
        <translation>高度字段（生成三维码）</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="95"/>
        <source>Optional numeric field with the height in metres (geodetic height). When set, bd_code is the 3D grid code; features with an empty height get no code.</source>
        <translation>可选的数值字段，高度单位为米（大地高）。设置后 bd_code 为三维网格码；高度为空的要素不编码。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="103"/>
        <source>Height digits</source>
        <translation>高度码元</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="103"/>
        <source>Mixed radix (the standard&apos;s layer definition)</source>
        <translation>混合进制（标准的层定义）</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="103"/>
        <source>Bit fields (Appendix C, as some other implementations)</source>
        <translation>位域（附录 C，与部分其他实现一致）</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="113"/>
        <source>How the height layer number is written as digits. Both readings of the standard agree for heights from 0 to 1839 m; choose bit fields only to match codes made by other software that uses them.</source>
        <translation>高度层序号写成码元的方式。两种解读在 0 至 1839 米高度范围内一致；仅当需要与采用位域的其他软件所生成的编码一致时才选择位域。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="123"/>
        <source>Administrative code field</source>
        <translation>行政区划代码字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="129"/>
        <source>Optional field with the administrative division code (e.g. the community code 310115001001). When set, entity_code = administrative code + grid code.</source>
        <translation>可选字段，内容为行政区划代码（例如社区代码 310115001001）。设置后 entity_code = 行政区划代码 + 网格码。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="137"/>
        <source>Coded features</source>
        <translation>已编码要素</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="145"/>
        <source>Features coded</source>
        <translation>已编码要素数</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="146"/>
        <source>Features without a code</source>
        <translation>未编码要素数</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="168"/>
        <source>The input layer {layer} already has a field {field} that is not text: rename or delete it and run again.</source>
        <translation>输入图层 {layer} 已有非文本字段 {field}：请重命名或删除该字段后重新运行。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="190"/>
        <source>Coding {n} features at level {level} in CGCS2000 (EPSG:4490).</source>
        <translation>正在以 CGCS2000（EPSG:4490）按第 {level} 级为 {n} 个要素编码。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="205"/>
        <source>height is empty or not a number</source>
        <translation>高度为空或不是数字</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="225"/>
        <source>administrative code is empty: no entity code</source>
        <translation>行政区划代码为空：无实体编码</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="266"/>
        <source>{total} features in = {coded} coded + {failed} without a code (reason in {field}).</source>
        <translation>输入 {total} 个要素 = 已编码 {coded} 个 + 未编码 {failed} 个（原因见 {field}）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="272"/>
        <source>{failed} features could not be coded; see the field {field}.</source>
        <translation>{failed} 个要素无法编码；请查看字段 {field}。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="283"/>
        <source>cannot be coded: {detail}</source>
        <translation>无法编码：{detail}</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="138"/>
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
    <name>HeightLimitAlgorithm</name>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="51"/>
        <source>Buildings over the height limit</source>
        <translation>超过限高的建筑</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="67"/>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="69"/>
        <source>Building footprints (any CRS) with a height or floors field.</source>
        <translation>带有高度或层数字段的建筑轮廓（任意坐标系）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="71"/>
        <source>Height field (m)</source>
        <translation>高度字段（米）</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="71"/>
        <source>Building height above ground.</source>
        <translation>建筑地面以上高度。</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="71"/>
        <source>Floors field</source>
        <translation>层数字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="71"/>
        <source>Floors, used where the height is empty.</source>
        <translation>层数，在高度为空时使用。</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="80"/>
        <source>Floor height (m)</source>
        <translation>层高（米）</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="82"/>
        <source>Metres per floor when heights come from the floors field.</source>
        <translation>由层数字段计算高度时每层的米数。</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="84"/>
        <source>Height limit zones</source>
        <translation>限高分区</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="86"/>
        <source>Zones with their height limit in LIMIT_FIELD (any CRS).</source>
        <translation>LIMIT_FIELD 中带有限高值的分区（任意坐标系）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="88"/>
        <source>Limit field (m)</source>
        <translation>限高字段（米）</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="91"/>
        <source>The zone&apos;s height limit in metres.</source>
        <translation>分区的限高（米）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="93"/>
        <source>Single limit (m)</source>
        <translation>统一限高（米）</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="95"/>
        <source>One height limit for every building (used without zones and raster).</source>
        <translation>适用于所有建筑的一个限高值（未给分区和栅格时使用）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="97"/>
        <source>Limit surface raster</source>
        <translation>限高面栅格</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="98"/>
        <source>A raster of limits, e.g. an airport obstacle limitation surface.</source>
        <translation>限高值栅格，例如机场净空限制面。</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="100"/>
        <source>DEM (limit raster as elevations)</source>
        <translation>DEM（限高栅格按高程理解）</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="101"/>
        <source>With a DEM the limit raster is read as absolute elevations and compared with roofs.</source>
        <translation>提供 DEM 时，限高栅格按绝对高程读取并与屋顶高程比较。</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="108"/>
        <source>Buildings over the limit</source>
        <translation>超过限高的建筑</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="109"/>
        <source>Buildings within the limit</source>
        <translation>未超过限高的建筑</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="110"/>
        <source>Buildings not checked</source>
        <translation>未检查的建筑</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="119"/>
        <source>Choose a height field or a floors field of the buildings.</source>
        <translation>请选择建筑的高度字段或层数字段。</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="131"/>
        <source>Give exactly one of LIMITS (zones with LIMIT_FIELD), LIMIT_VALUE or LIMIT_RASTER.</source>
        <translation>请只给出 LIMITS（带 LIMIT_FIELD 的分区）、LIMIT_VALUE 或 LIMIT_RASTER 中的一个。</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="134"/>
        <source>Choose the limit field (LIMIT_FIELD) of the zones layer {layer}.</source>
        <translation>请选择分区图层 {layer} 的限高字段（LIMIT_FIELD）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="199"/>
        <source>Zone feature {fid} has no limit or no geometry: ignored.</source>
        <translation>分区要素 {fid} 没有限高或几何：已忽略。</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="54"/>
        <source>Compares every building&apos;s height with the limit that applies to it: the strictest limit of the zones (LIMITS with LIMIT_FIELD) its footprint touches, or one value (LIMIT_VALUE), or a limit surface raster (LIMIT_RASTER, e.g. an airport obstacle limitation surface; its lowest value over the footprint). Limit rasters hold absolute elevations when a DEM is given (roof = lowest ground + height), else heights above ground.

OUTPUT holds every building with limit_m, excess_m (metres too high), hl_status (over, within, not_checked) and hl_reason (why a building could not be checked: no height, no geometry, no zone, no raster value). A field of the buildings with one of these names is kept; ours then gets a suffix (_2). The log counts buildings over, within and not checked.</source>
        <translation>将每栋建筑的高度与其适用的限高进行比较：取其轮廓所触及的限高分区（LIMITS 配合 LIMIT_FIELD）中最严格的限高，或一个统一值（LIMIT_VALUE），或限高面栅格（LIMIT_RASTER，例如机场障碍物限制面；取轮廓范围内的最低值）。给定 DEM 时，限高栅格存储的是绝对高程（屋顶 = 最低地面 + 高度），否则为距地面的高度。

OUTPUT 包含每栋建筑，带有 limit_m、excess_m（超高的米数）、hl_status（over、within、not_checked）和 hl_reason（建筑无法检查的原因：无高度、无几何、不在分区内、无栅格值）。建筑图层中已有同名字段时予以保留，新字段则加后缀（_2）。日志统计超过限高、未超过限高和未检查的建筑数量。</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="103"/>
        <source>Buildings with their height-limit status</source>
        <translation>带限高状态的建筑</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="105"/>
        <source>Every building with height_m, limit_m, excess_m, hl_status (over, within, not_checked) and hl_reason (why it could not be checked).</source>
        <translation>每栋建筑，带有 height_m、limit_m、excess_m、hl_status（over、within、not_checked）和 hl_reason（无法检查的原因）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="185"/>
        <source>{n} buildings in = {o} over the limit + {w} within + {u} not checked (reason in {field}).</source>
        <translation>输入 {n} 栋建筑 = 超过限高 {o} 栋 + 未超过 {w} 栋 + 未检查 {u} 栋（原因见 {field}）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="211"/>
        <source>no height: the height and floors fields are empty</source>
        <translation>无高度：高度和层数字段均为空</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="212"/>
        <source>no footprint geometry</source>
        <translation>无轮廓几何</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="213"/>
        <source>outside every height limit zone</source>
        <translation>不在任何限高分区内</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="214"/>
        <source>outside the limit surface raster or on its nodata</source>
        <translation>位于限高面栅格范围之外或其无数据处</translation>
    </message>
    <message>
        <location filename="../processing_algs/heightlimit.py" line="215"/>
        <source>no DEM value under the footprint</source>
        <translation>轮廓下方没有 DEM 值</translation>
    </message>
</context>
<context>
    <name>JoinHouseholdsAlgorithm</name>
    <message>
        <location filename="../processing_algs/joinhouseholds.py" line="48"/>
        <source>Join records to households</source>
        <translation>记录关联到户</translation>
    </message>
    <message>
        <location filename="../processing_algs/joinhouseholds.py" line="68"/>
        <source>Records (table, layer or CSV file)</source>
        <translation>记录（表格、图层或 CSV 文件）</translation>
    </message>
    <message>
        <location filename="../processing_algs/joinhouseholds.py" line="70"/>
        <source>Government records with an address column; CSV files in GBK are read correctly when given by path.</source>
        <translation>含地址列的政务记录；以路径给出的 GBK 编码 CSV 文件也能正确读取。</translation>
    </message>
    <message>
        <location filename="../processing_algs/joinhouseholds.py" line="73"/>
        <source>Address field</source>
        <translation>地址字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/joinhouseholds.py" line="75"/>
        <source>The column with the address text, e.g. 户籍地址 or 现住址.</source>
        <translation>地址文本所在的列，例如 户籍地址 或 现住址。</translation>
    </message>
    <message>
        <location filename="../processing_algs/joinhouseholds.py" line="77"/>
        <source>Record key field</source>
        <translation>记录键字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/joinhouseholds.py" line="79"/>
        <source>Optional column that identifies a record (e.g. 档案编号); default: the feature id or row number.</source>
        <translation>可选的记录标识列（例如 档案编号）；默认为要素 ID 或行号。</translation>
    </message>
    <message>
        <location filename="../processing_algs/joinhouseholds.py" line="95"/>
        <source>Keep all input fields in the links</source>
        <translation>在关联结果中保留全部输入字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/joinhouseholds.py" line="97"/>
        <source>Off by default (privacy): names, ID numbers and phones are not copied. Turn on only if you are allowed to keep them in the output.</source>
        <translation>默认关闭（隐私）：不复制姓名、身份证号和电话。只有在允许输出这些信息时才打开。</translation>
    </message>
    <message>
        <location filename="../processing_algs/joinhouseholds.py" line="119"/>
        <source>Households</source>
        <translation>户</translation>
    </message>
    <message>
        <location filename="../processing_algs/joinhouseholds.py" line="101"/>
        <source>One point per household inside its building footprint: household_id, building_id, unit, floor (given, or from the room number), room, room_key, records.</source>
        <translation>每户一个点，位于其建筑轮廓内：household_id、building_id、unit、floor（给出的楼层，或由室号推出）、room、room_key、records。</translation>
    </message>
    <message>
        <location filename="../processing_algs/joinhouseholds.py" line="101"/>
        <source>Record links</source>
        <translation>记录关联</translation>
    </message>
    <message>
        <location filename="../processing_algs/joinhouseholds.py" line="101"/>
        <source>One row per linked record: record key, household_id, building_id, method, score.</source>
        <translation>每条已关联记录一行：记录键、household_id、building_id、method、score。</translation>
    </message>
    <message>
        <location filename="../processing_algs/joinhouseholds.py" line="101"/>
        <source>Unmatched records</source>
        <translation>未匹配记录</translation>
    </message>
    <message>
        <location filename="../processing_algs/joinhouseholds.py" line="101"/>
        <source>One row per record without household: record key, address, reason, reason_code and the building when it was found.</source>
        <translation>每条未找到户的记录一行：记录键、地址、reason、reason_code，以及已找到的建筑。</translation>
    </message>
    <message>
        <location filename="../processing_algs/joinhouseholds.py" line="116"/>
        <source>Records in</source>
        <translation>输入记录数</translation>
    </message>
    <message>
        <location filename="../processing_algs/joinhouseholds.py" line="117"/>
        <source>Records linked</source>
        <translation>已关联记录数</translation>
    </message>
    <message>
        <location filename="../processing_algs/joinhouseholds.py" line="118"/>
        <source>Records unmatched</source>
        <translation>未匹配记录数</translation>
    </message>
    <message>
        <location filename="../processing_algs/joinhouseholds.py" line="132"/>
        <source>Choose the address field (ADDRESS_FIELD).</source>
        <translation>请选择地址字段（ADDRESS_FIELD）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/joinhouseholds.py" line="140"/>
        <source>Joining {n} records of {table} to {b} buildings.</source>
        <translation>正在将 {table} 的 {n} 条记录关联到 {b} 栋建筑。</translation>
    </message>
    <message>
        <location filename="../processing_algs/joinhouseholds.py" line="149"/>
        <source>Buildings {ids} share the address {address}: records at this address are left unmatched (reason duplicate_building_address); give the buildings distinct addresses.</source>
        <translation>建筑 {ids} 共用地址 {address}：该地址的记录保持未匹配（原因 duplicate_building_address）；请为这些建筑设置不同的地址。</translation>
    </message>
    <message>
        <location filename="../processing_algs/joinhouseholds.py" line="155"/>
        <source>{n} buildings have no usable address and cannot receive households: {ids}</source>
        <translation>{n} 栋建筑没有可用地址，无法容纳户：{ids}</translation>
    </message>
    <message>
        <location filename="../processing_algs/joinhouseholds.py" line="221"/>
        <source>Internal error: records were lost in the join.</source>
        <translation>内部错误：关联过程中丢失了记录。</translation>
    </message>
    <message>
        <location filename="../processing_algs/joinhouseholds.py" line="222"/>
        <source>{n} records in = {linked} linked + {unmatched} unmatched.</source>
        <translation>输入 {n} 条记录 = 已关联 {linked} 条 + 未匹配 {unmatched} 条。</translation>
    </message>
    <message>
        <location filename="../processing_algs/joinhouseholds.py" line="225"/>
        <source>Links by method: {methods}.</source>
        <translation>按匹配方式统计的关联：{methods}。</translation>
    </message>
    <message>
        <location filename="../processing_algs/joinhouseholds.py" line="229"/>
        <source>Unmatched by reason: {reasons}.</source>
        <translation>按原因统计的未匹配：{reasons}。</translation>
    </message>
    <message>
        <location filename="../processing_algs/joinhouseholds.py" line="231"/>
        <source>{n} households written (CRS {crs}).</source>
        <translation>已写出 {n} 个户（坐标系 {crs}）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/joinhouseholds.py" line="82"/>
        <source>Household key fields</source>
        <translation>户键字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/joinhouseholds.py" line="84"/>
        <source>Optional columns whose equal values tie records to one household: 户号, or the ID number when all addresses are of one kind (all registered or all current addresses). A record whose address names the building but not the room, or a road or number no building has, then takes the household its key's other records were linked to by address (method shared_key), only if they name one household and its own address agrees with it. The values are used for matching only and are not written to any output or to the log.</source>
        <translation>可选，值相同即表示属于同一户的列：户号，或在所有地址属同一类（均为户籍地址或均为现住址）时使用身份证号。若某条记录的地址只指明了楼栋而没有室号，或其道路、门牌在建筑中不存在，则取同键其他记录按地址关联到的户（方式 shared_key），前提是这些记录只指向一个户且该记录自身的地址与之相符。这些值仅用于匹配，不会写入任何输出或日志。</translation>
    </message>
    <message>
        <location filename="../processing_algs/joinhouseholds.py" line="51"/>
        <source>Finds the household (户室: building, unit, room) of every record by its address and writes one household point inside its building footprint per distinct room, with the number of records.

Links say how each record matched: exact, normalised (full-width digits, Chinese numerals, 号楼...), inferred_district (no district in the address; the road is known in one district), fuzzy_road (one character of the road name differs, and only one road fits) or shared_key (the address lacks the room; records with the same 户号 or ID number name the household), with a score. Fuzzy matching is conservative: a wrong household is worse than none. Two footprints with one address are reported, never guessed between.

Every record is either linked or unmatched with its reason: records in = linked + unmatched (stated in the log). Privacy: by default the outputs keep only a record key, not names, ID numbers or phones.

Optional: an address model (MODEL, from Train an address model) parses the records' addresses; the buildings' addresses are parsed by the rules.</source>
        <translation>按地址为每条记录找到其户室（楼栋、单元、室），并为每个不同的户室在其建筑轮廓内写出一个户点，附记录数。

关联结果说明每条记录的匹配方式：exact（精确）、normalised（规范化后：全角数字、中文数字、号楼等）、inferred_district（地址中无区县，道路只属于一个区县）、fuzzy_road（道路名有一个字不同且只有一条道路符合）或 shared_key（地址缺少室号；户号或身份证号相同的记录指明了该户），并给出分数。模糊匹配是保守的：关联到错误的户比不关联更糟。两个轮廓共用一个地址时会报告，绝不猜测。

每条记录要么被关联，要么以原因列入未匹配：输入记录数 = 已关联 + 未匹配（在日志中说明）。隐私：默认输出只保留记录键，不含姓名、身份证号或电话。

可选：地址模型（MODEL，由“训练地址模型”得到）用于解析记录的地址；建筑的地址仍由规则解析。</translation>
    </message>
</context>
<context>
    <name>LifeCircleCoverageAlgorithm</name>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="60"/>
        <source>Life-circle coverage of the population</source>
        <translation>人口生活圈覆盖</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="63"/>
        <source>How many of the people who need a facility live within its life circle on the road network, per unit (community or any polygon), facility type and population group; who is left out and why; the load of every facility against its capacity.

The default standard is GB 50180-2018 城市居住区规划设计标准 (第3.0.4条 表3.0.4: 5-minute life circle about 300 m, 10-minute 500 m, 15-minute 800-1000 m on foot; 附录B 表B.0.1/B.0.2: the facilities of each level; 附录C: the service radii of kindergartens 300 m, primary schools 500 m, middle schools 1000 m): kindergarten -&gt; 3-5 within 300 m, primary school -&gt; 6-11 within 500 m, elderly care -&gt; 60+ within 1000 m, ... (the CSV in core/demand/data, with its notes; give your own copy as the standard file). Every level is checked on its own: a 15-minute facility does not stand in for a 5-minute one. Or give your own distances: every facility type x every weight field x every distance.

Distance = the point's connector to the road + the network + the facility's connector, as in the OD matrix; walking ignores one-way rules. The nearest facility of each type is found for all points with one search per type (exact, not service-area polygons). Points in no unit are counted in an 'outside units' row; the rows add up to the input totals exactly and the log says so. Counts below the smallest published count are withheld as in Aggregate the population.</source>
        <translation>统计需要某类设施的人中有多少人沿路网居住在该设施的生活圈内，按单元（社区或任意面）、设施类型和人群分列；哪些人未被覆盖及其原因；每个设施相对其容量的负荷。

默认标准为 GB 50180-2018 城市居住区规划设计标准（第3.0.4条 表3.0.4：5 分钟生活圈步行约 300 米，10 分钟 500 米，15 分钟 800-1000 米；附录B 表B.0.1/B.0.2：各级配套设施；附录C：服务半径，幼儿园 300 米、小学 500 米、中学 1000 米）：幼儿园 -&gt; 3-5 岁，300 米以内；小学 -&gt; 6-11 岁，500 米以内；养老设施 -&gt; 60 岁及以上，1000 米以内……（见 core/demand/data 中的 CSV 及其说明；可将自己的副本作为标准文件）。每一级单独检查：15 分钟级设施不能代替 5 分钟级设施。也可自行指定距离：每种设施类型 × 每个人数字段 × 每个距离。

距离 = 点到道路的连接段 + 路网 + 设施到道路的连接段，与 OD 矩阵相同；步行忽略单行规则。每种设施类型只需一次搜索即可为所有点找到最近的该类设施（精确计算，而非使用服务区多边形）。不在任何单元内的点计入“单元外”一行；各行之和与输入总数完全相等，并在日志中说明。低于最小公布计数的计数按“带抑制的人口汇总统计”的方式隐去。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="317"/>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="85"/>
        <source>Points of the facilities (kindergartens, schools, elderly care ...), any CRS.</source>
        <translation>设施点（幼儿园、学校、养老设施等），任意坐标系。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="87"/>
        <source>Facility type field</source>
        <translation>设施类型字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="89"/>
        <source>Field with the facility type: a code of the standard (kindergarten, primary_school, elderly_care ...) or its Chinese name or alias (幼儿园, 小学, 长者照护之家 ...). With given distances every value is a type of its own.</source>
        <translation>设施类型所在字段：标准中的代码（kindergarten、primary_school、elderly_care 等），或其中文名称、别名（幼儿园、小学、长者照护之家等）。使用指定距离时，每个不同的值各为一种类型。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="93"/>
        <source>Facility ID field</source>
        <translation>设施 ID 字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="95"/>
        <source>Field copied to facility_id and nearest_id; the feature id when empty. Ids given twice are listed in the log; both facilities are kept.</source>
        <translation>复制到 facility_id 和 nearest_id 的字段；为空时使用要素 ID。重复的 ID 会在日志中列出；相关设施均保留。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="98"/>
        <source>Capacity field</source>
        <translation>容量字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="101"/>
        <source>Optional: places, beds ... of each facility; the load is served / capacity. Null or zero capacities are listed and get no load.</source>
        <translation>可选：每个设施的学位、床位等；负荷 = 服务人数 / 容量。容量为空或为零的设施会被列出，且不计算负荷。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="104"/>
        <source>Population points</source>
        <translation>人口点</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="106"/>
        <source>The households of Fuse persons from the sources (n_0_2 ... n_80p, members) or any point layer with counts of people.</source>
        <translation>“多源人员融合”的户输出（n_0_2 ... n_80p、members），或任何带人数的点图层。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="109"/>
        <source>Count fields (groups)</source>
        <translation>人数字段（人群）</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="112"/>
        <source>Fields with the number of people of a group at each point (whole numbers; null counts 0). With the standard, empty = the groups of the standard (its group_fields, e.g. n_60_64 + n_65_79 + n_80p for 60+); given = each field is a group checked against every facility type. Needed with given distances.</source>
        <translation>每个点上某一人群人数所在的字段（整数；空值计为 0）。使用标准时，留空 = 标准中的人群（其 group_fields，例如 60+ 为 n_60_64 + n_65_79 + n_80p）；给出时 = 每个字段为一个人群，并对每种设施类型逐一检查。使用指定距离时必须给出。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="117"/>
        <source>Units</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="119"/>
        <source>Communities, streets or any polygons to count in.</source>
        <translation>用于统计的社区、街道或任意面。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="121"/>
        <source>Unit id field</source>
        <translation>单元 ID 字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="123"/>
        <source>Field with unique unit ids, e.g. the community code.</source>
        <translation>单元唯一 ID 所在字段，例如社区代码。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="125"/>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="125"/>
        <source>GB 50180-2018 life circles (built in)</source>
        <translation>GB 50180-2018 生活圈（内置）</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="125"/>
        <source>Standard file (CSV)</source>
        <translation>标准文件（CSV）</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="135"/>
        <source>Given distances</source>
        <translation>指定距离</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="128"/>
        <source>Where the distance and the group of each facility type come from.</source>
        <translation>各设施类型的距离和人群的来源。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="130"/>
        <source>Standard file</source>
        <translation>标准文件</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="132"/>
        <source>A CSV laid out as core/demand/data/gb50180_life_circles.csv (facility_type, name_zh, aliases, level, minutes, distance_m, group, group_fields, clause).</source>
        <translation>格式与 core/demand/data/gb50180_life_circles.csv 相同的 CSV（facility_type、name_zh、aliases、level、minutes、distance_m、group、group_fields、clause）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="137"/>
        <source>Comma-separated limits for &apos;Given distances&apos;: metres, or minutes when the cost is travel time.</source>
        <translation>“指定距离”所用的距离上限，以逗号分隔：单位为米；成本为出行时间时单位为分钟。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="140"/>
        <source>Smallest published count</source>
        <translation>最小公布计数</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="142"/>
        <source>Unit counts from 1 to this value minus 1 are withheld, and more to protect them (1 = publish everything).</source>
        <translation>单元计数中 1 到此值减 1 的计数将被隐去，并为保护它们再隐去更多计数（1 = 全部公布）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="145"/>
        <source>Coverage per unit</source>
        <translation>单元覆盖</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="145"/>
        <source>Unit x facility type x group: population, covered, uncovered, share; plus an outside-units and a total row.</source>
        <translation>单元 × 设施类型 × 人群：人口、覆盖、未覆盖、占比；另加“单元外”一行和合计一行。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="145"/>
        <source>Uncovered points</source>
        <translation>未覆盖点</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="145"/>
        <source>One row per point and check not covered (points with people of the group), with the point&apos;s fields and why: beyond the distance, not reachable, no facility, not on the network.</source>
        <translation>每个点每项未覆盖的检查一行（仅限有该人群人数的点），带点的字段及原因：超出距离、不可达、无设施、未接入路网。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="145"/>
        <source>Facility load</source>
        <translation>设施负荷</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="145"/>
        <source>Every facility x check: the people it serves (covered, nearest) and its load against its capacity.</source>
        <translation>每个设施 × 检查：其服务的人数（已覆盖且以其为最近设施）及相对其容量的负荷。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="145"/>
        <source>Coverage per point</source>
        <translation>逐点覆盖</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="145"/>
        <source>Every point x check: nearest facility, cost, covered (large: not created by default).</source>
        <translation>每个点 × 检查：最近设施、成本、是否覆盖（数据量大：默认不生成）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="163"/>
        <source>People covered (all checks)</source>
        <translation>覆盖人数（全部检查）</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="164"/>
        <source>People not covered (all checks)</source>
        <translation>未覆盖人数（全部检查）</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="195"/>
        <source>{layer}, feature {fid}: the count in {field} is not a number.</source>
        <translation>{layer}，要素 {fid}：{field} 中的计数不是数字。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="201"/>
        <source>{layer}, feature {fid}: the count in {field} must be a whole number &gt;= 0.</source>
        <translation>{layer}，要素 {fid}：{field} 中的计数必须是大于或等于 0 的整数。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="206"/>
        <source>{layer}: {n} empty counts are taken as 0.</source>
        <translation>{layer}：{n} 个空计数按 0 处理。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="230"/>
        <source>Given distances &apos;{text}&apos;: give numbers above 0, separated by commas.</source>
        <translation>指定距离 '{text}'：请给出以逗号分隔、大于 0 的数字。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="233"/>
        <source>Given distances need the count fields (groups).</source>
        <translation>使用指定距离时需要人数字段（人群）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="237"/>
        <source>Choose the standard file, or the built-in standard.</source>
        <translation>请选择标准文件，或使用内置标准。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="243"/>
        <source>Facility types not in the standard, not checked: {types}.</source>
        <translation>以下设施类型不在标准中，未检查：{types}。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="246"/>
        <source>Standard: {source}; checked: {rows}.</source>
        <translation>标准：{source}；检查项：{rows}。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="262"/>
        <source>{layer} has no field {fields}: {type} -&gt; {group} is not checked.</source>
        <translation>{layer} 中没有字段 {fields}：未检查 {type} -&gt; {group}。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="267"/>
        <source>Nothing to check: no facility type of the standard with its count fields in the population (see the log).</source>
        <translation>没有可检查的项：人口数据中没有标准内任何设施类型所需的人数字段（见日志）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="304"/>
        <source>{layer}: {n} facility ids are given more than once ({ids}); both facilities are kept, tell them apart by facility_fid.</source>
        <translation>{layer}：{n} 个设施 ID 出现了多次（{ids}）；相关设施均保留，请用 facility_fid 区分。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="310"/>
        <source>{layer}: {n} facilities have no capacity above 0 (features {fids}): they serve people but get no load.</source>
        <translation>{layer}：{n} 个设施没有大于 0 的容量（要素 {fids}）：它们服务人口，但不计算负荷。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="315"/>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="322"/>
        <source>{n} points of {layer} lie in no unit of {units}: they are counted in the &apos;outside units&apos; row.</source>
        <translation>{layer} 中有 {n} 个点不在 {units} 的任何单元内：计入“单元外”一行。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="326"/>
        <source>{n} points lie in several units (overlapping units): each is counted in the first.</source>
        <translation>{n} 个点位于多个单元中（单元重叠）：每个点只计入第一个单元。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="342"/>
        <source>{type} {level} {limit:g} {unit} -&gt; {group}: {total} people in = {summed} in the unit rows (outside units included): {covered} covered + {uncovered} not covered; equal to the input total: {equal}.</source>
        <translation>{type} {level} {limit:g} {unit} -&gt; {group}：输入 {total} 人 = 各单元行合计 {summed} 人（含单元外）：覆盖 {covered} 人 + 未覆盖 {uncovered} 人；与输入总数相等：{equal}。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="342"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="342"/>
        <source>NO</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="456"/>
        <source>the type {type} is not checked</source>
        <translation>类型 {type} 未检查</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="467"/>
        <source>no capacity above 0: no load</source>
        <translation>没有大于 0 的容量：不计算负荷</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="479"/>
        <source>beyond the distance: the nearest is {cost:.0f} {unit}, the limit {limit:g}</source>
        <translation>超出距离：最近设施为 {cost:.0f} {unit}，上限为 {limit:g}</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="480"/>
        <source>not reachable: no facility of the type on the connected part of the network</source>
        <translation>不可达：点所在的连通路网部分上没有该类型的设施</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="481"/>
        <source>no facility of the type on the network</source>
        <translation>路网上没有该类型的设施</translation>
    </message>
    <message>
        <location filename="../processing_algs/lifecirclecoverage.py" line="492"/>
        <source>not on the network: {reason}</source>
        <translation>未接入路网：{reason}</translation>
    </message>
</context>
<context>
    <name>LineOfSightAlgorithm</name>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="60"/>
        <source>Line of sight</source>
        <translation>通视分析</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="63"/>
        <source>Draws a sight line from each observer to its target (paired by order, or every observer to every target) over a DEM with optional buildings burnt in, and says whether the target is visible. Blocked lines carry the first obstruction point (x, y, height) and its distance from the observer. Pairs that cannot be computed (outside the DEM, on nodata) are kept with visible empty and the reason in los_reason. Output CRS: the DEM&apos;s (UTM when the DEM is geographic).</source>
        <translation>在 DEM（可选烧录建筑）上从每个观察点向其目标点画一条视线（按顺序配对，或所有观察点对所有目标点），并判断目标是否可见。被遮挡的视线带有第一个遮挡点（x、y、高程）及其到观察点的距离。无法计算的配对（在 DEM 外、位于无数据处）也会保留，visible 为空，原因见 los_reason。输出坐标系：DEM 的坐标系（DEM 为地理坐标系时为 UTM）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="72"/>
        <source>Observer points</source>
        <translation>观察点图层</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="72"/>
        <source>Points to look from (any CRS).</source>
        <translation>观察的位置（任意坐标系）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="72"/>
        <source>Target points</source>
        <translation>目标点</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="72"/>
        <source>Points to look at (any CRS).</source>
        <translation>被观察的位置（任意坐标系）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="79"/>
        <source>Pairing</source>
        <translation>配对方式</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="79"/>
        <source>By order (1st observer - 1st target, ...)</source>
        <translation>按顺序（第 1 个观察点 - 第 1 个目标点，……）</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="79"/>
        <source>All pairs</source>
        <translation>所有配对</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="83"/>
        <source>By order pairs the n-th observer with the n-th target; all pairs tests every combination.</source>
        <translation>按顺序将第 n 个观察点与第 n 个目标点配对；所有配对则检验每一种组合。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="86"/>
        <source>DEM</source>
        <translation>数字高程模型（DEM）</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="87"/>
        <source>Terrain (or a DSM) in metres, any CRS.</source>
        <translation>地形（或 DSM）高程（米），任意坐标系。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="90"/>
        <source>Observer height (m)</source>
        <translation>观察高度（米）</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="90"/>
        <source>Eye height above the surface.</source>
        <translation>表面以上的视点高度。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="90"/>
        <source>Target height (m)</source>
        <translation>目标高度（米）</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="90"/>
        <source>Height of the target above the surface.</source>
        <translation>目标在表面以上的高度。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="98"/>
        <source>Earth curvature and refraction</source>
        <translation>地球曲率与大气折射</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="99"/>
        <source>Lower distant points by the earth&apos;s curvature, reduced by refraction.</source>
        <translation>按地球曲率降低远处点的高程，并按折射减小该改正。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="101"/>
        <source>Refraction coefficient</source>
        <translation>大气折射系数</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="104"/>
        <source>Coefficient of atmospheric refraction used with the curvature (0.13 by default).</source>
        <translation>与曲率改正一起使用的大气折射系数（默认 0.13）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="107"/>
        <source>Largest number of pairs</source>
        <translation>最大配对数</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="110"/>
        <source>More pairs are refused (all pairs of large layers grow quickly).</source>
        <translation>配对数超过此值将被拒绝（大图层的所有配对增长很快）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="114"/>
        <source>Sight lines</source>
        <translation>视线</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="116"/>
        <source>One line per pair with visible, the obstruction and distances.</source>
        <translation>每个配对一条线，含可见性、遮挡点和距离。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="118"/>
        <source>Visible pairs</source>
        <translation>可见配对</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="119"/>
        <source>Blocked pairs</source>
        <translation>被遮挡配对</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="120"/>
        <source>Pairs not computed</source>
        <translation>未计算的配对</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="139"/>
        <source>Both an observer layer and a target layer are needed.</source>
        <translation>需要观察点图层和目标点图层。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="181"/>
        <source>not computed: {detail}</source>
        <translation>未计算：{detail}</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="185"/>
        <source>{n} pairs = {v} visible + {b} blocked + {f} not computed (reason in los_reason); output CRS {crs}.</source>
        <translation>{n} 个配对 = 可见 {v} + 被遮挡 {b} + 未计算 {f}（原因见 los_reason）；输出坐标系 {crs}。</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="170"/>
        <source>observer: {reason}</source>
        <translation>观察点：{reason}</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="172"/>
        <source>target: {reason}</source>
        <translation>目标点：{reason}</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="140"/>
        <source>not used as an observer: {reason}</source>
        <translation>未用作观察点：{reason}</translation>
    </message>
    <message>
        <location filename="../processing_algs/lineofsight.py" line="142"/>
        <source>not used as a target: {reason}</source>
        <translation>未用作目标点：{reason}</translation>
    </message>
</context>
<context>
    <name>MeasureAlgorithm</name>
    <message>
        <location filename="../processing_algs/measure.py" line="49"/>
        <source>Measure lengths, areas, heights and volumes</source>
        <translation>量算长度、面积、高度和体积</translation>
    </message>
    <message>
        <location filename="../processing_algs/measure.py" line="52"/>
        <source>Adds to every feature its geodesic length_m (lines), area_m2 and perimeter_m (polygons), measured on the ellipsoid of the layer&apos;s CRS (CGCS2000, WGS 84, ...) whatever the projection. With a DEM: length_3d_m along the terrain and base_elev_m (lowest DEM value at the vertices and an inner point). With a height or floors field: height_m, volume_m3 (area x height) and facade_m2 (perimeter x height). Features without geometry are kept with empty measures.</source>
        <translation>为每个要素添加按图层坐标系椭球（CGCS2000、WGS 84 等）测得的大地线长度 length_m（线）、面积 area_m2 和周长 perimeter_m（面），与投影无关。提供 DEM 时：沿地形的 length_3d_m 和 base_elev_m（节点及内部一点处 DEM 的最低值）。提供高度或层数字段时：height_m、volume_m3（面积 × 高度）和 facade_m2（周长 × 高度）。没有几何的要素保留，量算值为空。</translation>
    </message>
    <message>
        <location filename="../processing_algs/measure.py" line="61"/>
        <source>Input layer</source>
        <translation>输入图层</translation>
    </message>
    <message>
        <location filename="../processing_algs/measure.py" line="63"/>
        <source>Points, lines or polygons in any CRS.</source>
        <translation>任意坐标系的点、线或面。</translation>
    </message>
    <message>
        <location filename="../processing_algs/measure.py" line="65"/>
        <source>Height field (m)</source>
        <translation>高度字段（米）</translation>
    </message>
    <message>
        <location filename="../processing_algs/measure.py" line="65"/>
        <source>Building height above ground in metres.</source>
        <translation>建筑地面以上高度（米）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/measure.py" line="65"/>
        <source>Floors field</source>
        <translation>层数字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/measure.py" line="65"/>
        <source>Number of floors, used where the height is empty.</source>
        <translation>层数，在高度为空时使用。</translation>
    </message>
    <message>
        <location filename="../processing_algs/measure.py" line="73"/>
        <source>Floor height (m)</source>
        <translation>层高（米）</translation>
    </message>
    <message>
        <location filename="../processing_algs/measure.py" line="75"/>
        <source>Metres per floor when heights come from the floors field.</source>
        <translation>由层数字段计算高度时每层的米数。</translation>
    </message>
    <message>
        <location filename="../processing_algs/measure.py" line="77"/>
        <source>DEM</source>
        <translation>数字高程模型（DEM）</translation>
    </message>
    <message>
        <location filename="../processing_algs/measure.py" line="78"/>
        <source>Optional terrain for 3D lengths and base elevations (any CRS).</source>
        <translation>可选地形，用于三维长度和基底高程（任意坐标系）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/measure.py" line="80"/>
        <source>Measured features</source>
        <translation>量算后的要素</translation>
    </message>
    <message>
        <location filename="../processing_algs/measure.py" line="83"/>
        <source>Features measured</source>
        <translation>已量算要素</translation>
    </message>
    <message>
        <location filename="../processing_algs/measure.py" line="84"/>
        <source>Features without geometry</source>
        <translation>没有几何的要素</translation>
    </message>
    <message>
        <location filename="../processing_algs/measure.py" line="101"/>
        <source>Measuring on the ellipsoid {ellipsoid}.</source>
        <translation>在椭球 {ellipsoid} 上量算。</translation>
    </message>
    <message>
        <location filename="../processing_algs/measure.py" line="81"/>
        <source>The input features with the measures added, in the input&apos;s CRS.</source>
        <translation>添加了量算值的输入要素，坐标系与输入相同。</translation>
    </message>
    <message>
        <location filename="../processing_algs/measure.py" line="85"/>
        <source>Features that could not be measured</source>
        <translation>无法量算的要素</translation>
    </message>
    <message>
        <location filename="../processing_algs/measure.py" line="180"/>
        <source>{n} features of {layer} could not be measured: their coordinates cannot be converted to longitude/latitude in the layer&apos;s CRS ({crs}). Check that the layer&apos;s CRS is the one its coordinates are in; their measures are empty.</source>
        <translation>{layer} 中有 {n} 个要素无法量算：其坐标无法在图层的坐标参考系（{crs}）中转换为经纬度。请检查图层的坐标参考系是否与其坐标实际所用的一致；这些要素的量算值为空。</translation>
    </message>
    <message>
        <location filename="../processing_algs/measure.py" line="185"/>
        <source>{n} features in = {m} measured + {e} without geometry (empty measures) + {r} not measurable (empty measures).</source>
        <translation>输入 {n} 个要素 = 已量算 {m} 个 + 无几何 {e} 个（量算值为空）+ 无法量算 {r} 个（量算值为空）。</translation>
    </message>
</context>
<context>
    <name>NearestFacilityAlgorithm</name>
    <message>
        <location filename="../processing_algs/nearestfacility.py" line="44"/>
        <source>Nearest facilities on the road network</source>
        <translation>路网最近设施</translation>
    </message>
    <message>
        <location filename="../processing_algs/nearestfacility.py" line="47"/>
        <source>For every incident, the N facilities with the least network cost (length or travel time) within the maximum cost, as routes ranked 1 (nearest) to N. By default the route runs from the facility to the incident (dispatch: one-way streets are followed in that direction).

Incidents without a facility within reach, or too far from the roads, get one row without geometry that says why. Output lines are in the network layer&apos;s CRS.</source>
        <translation>对每个事件点，在最大成本内找出网络成本（长度或出行时间）最小的 N 个设施，输出按 1（最近）到 N 排名的路径。默认路径从设施到事件点（调度：按该方向遵守单行规则）。

在可达范围内没有设施或离道路太远的事件点输出一行不带几何的记录并说明原因。输出线采用路网图层的坐标系。</translation>
    </message>
    <message>
        <location filename="../processing_algs/nearestfacility.py" line="117"/>
        <source>Incidents</source>
        <translation>事件点</translation>
    </message>
    <message>
        <location filename="../processing_algs/nearestfacility.py" line="59"/>
        <source>Points that need a facility (any CRS).</source>
        <translation>需要设施的点（任意坐标系）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/nearestfacility.py" line="118"/>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../processing_algs/nearestfacility.py" line="63"/>
        <source>Hospitals, fire stations, depots ... (any CRS).</source>
        <translation>医院、消防站、物资仓库……（任意坐标系）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/nearestfacility.py" line="65"/>
        <source>Incident ID field</source>
        <translation>事件点 ID 字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/nearestfacility.py" line="67"/>
        <source>Field copied to incident_id; the feature id when empty.</source>
        <translation>复制到 incident_id 的字段；为空时使用要素 ID。</translation>
    </message>
    <message>
        <location filename="../processing_algs/nearestfacility.py" line="69"/>
        <source>Facility ID field</source>
        <translation>设施 ID 字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/nearestfacility.py" line="71"/>
        <source>Field copied to facility_id; the feature id when empty.</source>
        <translation>复制到 facility_id 的字段；为空时使用要素 ID。</translation>
    </message>
    <message>
        <location filename="../processing_algs/nearestfacility.py" line="73"/>
        <source>Number of nearest facilities</source>
        <translation>最近设施个数</translation>
    </message>
    <message>
        <location filename="../processing_algs/nearestfacility.py" line="75"/>
        <source>How many facilities to return per incident (fewer if fewer are within reach).</source>
        <translation>每个事件点返回的设施个数（可达设施较少时返回更少）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/nearestfacility.py" line="77"/>
        <source>Maximum cost (0 = no limit)</source>
        <translation>最大成本（0 = 不限）</translation>
    </message>
    <message>
        <location filename="../processing_algs/nearestfacility.py" line="79"/>
        <source>Facilities beyond this cost (metres, or seconds for travel time) are not returned; 0 means no limit.</source>
        <translation>超过该成本（米；出行时间时为秒）的设施不返回；0 表示不限。</translation>
    </message>
    <message>
        <location filename="../processing_algs/nearestfacility.py" line="82"/>
        <source>Travel direction</source>
        <translation>出行方向</translation>
    </message>
    <message>
        <location filename="../processing_algs/nearestfacility.py" line="82"/>
        <source>From facility to incident</source>
        <translation>从设施到事件点</translation>
    </message>
    <message>
        <location filename="../processing_algs/nearestfacility.py" line="82"/>
        <source>From incident to facility</source>
        <translation>从事件点到设施</translation>
    </message>
    <message>
        <location filename="../processing_algs/nearestfacility.py" line="85"/>
        <source>Which way the route is travelled (matters with one-way streets).</source>
        <translation>路径的通行方向（有单行道时有影响）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/nearestfacility.py" line="87"/>
        <source>Nearest facility routes</source>
        <translation>最近设施路径</translation>
    </message>
    <message>
        <location filename="../processing_algs/nearestfacility.py" line="89"/>
        <source>Routes with incident_id, facility_id, rank, cost, length_m, time_s, status.</source>
        <translation>路径，含 incident_id、facility_id、rank、cost、length_m、time_s、status。</translation>
    </message>
    <message>
        <location filename="../processing_algs/nearestfacility.py" line="91"/>
        <source>Routes</source>
        <translation>路径</translation>
    </message>
    <message>
        <location filename="../processing_algs/nearestfacility.py" line="92"/>
        <source>Incidents without a facility</source>
        <translation>没有设施的事件点数</translation>
    </message>
    <message>
        <location filename="../processing_algs/nearestfacility.py" line="103"/>
        <source>The maximum cost must be 0 (no limit) or more.</source>
        <translation>最大成本必须为 0（不限）或更大。</translation>
    </message>
    <message>
        <location filename="../processing_algs/nearestfacility.py" line="120"/>
        <source>No facility of {layer} could be attached to the network (see the log): nothing to search.</source>
        <translation>{layer} 中没有设施能连接到路网（见日志）：无法搜索。</translation>
    </message>
    <message>
        <location filename="../processing_algs/nearestfacility.py" line="149"/>
        <source>incident: {reason}</source>
        <translation>事件点：{reason}</translation>
    </message>
    <message>
        <location filename="../processing_algs/nearestfacility.py" line="163"/>
        <source>{n} incidents = {served} with at least one facility + {without} without (reason in the field reason); {routes} routes.</source>
        <translation>{n} 个事件点 = {served} 个至少有一个设施 + {without} 个没有（原因见 reason 字段）；共 {routes} 条路径。</translation>
    </message>
    <message>
        <location filename="../processing_algs/nearestfacility.py" line="99"/>
        <source>N = {value} must be a whole number of 1 or more.</source>
        <translation>N = {value} 必须是大于或等于 1 的整数。</translation>
    </message>
    <message>
        <location filename="../processing_algs/nearestfacility.py" line="125"/>
        <source>N = {value:g} is more than the {count} facilities: up to all {count} are returned per incident.</source>
        <translation>N = {value:g} 超过设施总数 {count}：每个事件点最多返回全部 {count} 个设施。</translation>
    </message>
    <message>
        <location filename="../processing_algs/nearestfacility.py" line="149"/>
        <source>facility: {reason}</source>
        <translation>设施：{reason}</translation>
    </message>
</context>
<context>
    <name>NetworkAlgorithm</name>
    <message>
        <location filename="../processing_algs/network_common.py" line="62"/>
        <source>Road network (lines)</source>
        <translation>路网（线）</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="70"/>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="70"/>
        <source>Length (metres)</source>
        <translation>长度（米）</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="70"/>
        <source>Travel time (seconds)</source>
        <translation>出行时间（秒）</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="74"/>
        <source>What the route minimises. Travel time uses the speed field (drive) or the walking speed (walk).</source>
        <translation>路径最小化的量。出行时间在驾车时使用速度字段，步行时使用步行速度。</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="78"/>
        <source>Travel mode</source>
        <translation>出行方式</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="78"/>
        <source>Drive (one-way rules, speed field)</source>
        <translation>驾车（遵守单行规则，使用速度字段）</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="78"/>
        <source>Walk (both ways, walking speed)</source>
        <translation>步行（双向通行，使用步行速度）</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="83"/>
        <source>Walking ignores one-way rules and moves at the walking speed on every road.</source>
        <translation>步行忽略单行规则，并在所有道路上以步行速度移动。</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="86"/>
        <source>Direction field</source>
        <translation>方向字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="89"/>
        <source>Field that says which way a road may be travelled (e.g. oneway). Without it every road uses the default direction.</source>
        <translation>说明道路允许通行方向的字段（例如 oneway）。不设置时所有道路使用默认方向。</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="93"/>
        <source>Value for forward only</source>
        <translation>仅正向的取值</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="93"/>
        <source>Direction value(s), comma-separated, for roads travelled only in their digitised direction.</source>
        <translation>仅沿数字化方向通行的道路的方向值（可用逗号分隔多个）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="93"/>
        <source>Value for backward only</source>
        <translation>仅反向的取值</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="93"/>
        <source>Direction value(s), comma-separated, for roads travelled only against their digitised direction.</source>
        <translation>仅逆数字化方向通行的道路的方向值（可用逗号分隔多个）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="93"/>
        <source>Value for both directions</source>
        <translation>双向的取值</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="93"/>
        <source>Direction value(s), comma-separated, for two-way roads.</source>
        <translation>双向通行道路的方向值（可用逗号分隔多个）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="108"/>
        <source>Default direction</source>
        <translation>默认方向</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="108"/>
        <source>Both directions</source>
        <translation>双向</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="108"/>
        <source>Forward only</source>
        <translation>仅正向</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="108"/>
        <source>Backward only</source>
        <translation>仅反向</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="113"/>
        <source>Direction of roads whose direction value is empty or none of the given values (each such road is listed in the log).</source>
        <translation>方向值为空或不属于给定值的道路所用的方向（每条这样的道路都会在日志中列出）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="118"/>
        <source>Speed field (km/h)</source>
        <translation>速度字段（km/h）</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="121"/>
        <source>Speed per road in km/h for travel time when driving. Empty, text or non-positive values use the default speed and are listed in the log.</source>
        <translation>驾车时计算出行时间所用的每条道路速度（km/h）。空值、文本或非正值使用默认速度，并在日志中列出。</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="125"/>
        <source>Default speed (km/h)</source>
        <translation>默认速度（km/h）</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="128"/>
        <source>Driving speed for roads without a valid speed value.</source>
        <translation>没有有效速度值的道路的驾车速度。</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="131"/>
        <source>Walking speed (m/s)</source>
        <translation>步行速度（m/s）</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="134"/>
        <source>Walking speed; 1.2 m/s makes 5/10/15 minutes about 360/720/1080 m.</source>
        <translation>步行速度；1.2 m/s 时 5/10/15 分钟约为 360/720/1080 米。</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="137"/>
        <source>Node snapping tolerance (m)</source>
        <translation>节点捕捉容差（米）</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="146"/>
        <source>Split lines where they cross</source>
        <translation>在线相交处打断</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="149"/>
        <source>Make a node wherever two lines cross. Leave off for data that is already noded (bridges and tunnels cross roads without meeting them).</source>
        <translation>在两条线相交处生成节点。对于已经打断的数据请关闭（桥梁和隧道与道路交叉但并不相连）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="171"/>
        <source>Maximum snapping distance (m)</source>
        <translation>最大捕捉距离（米）</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="174"/>
        <source>Points farther than this from every road are rejected with the reason. Points attach to the nearest point of the nearest road; the connector is counted in the cost.</source>
        <translation>距所有道路都超过该距离的点将被拒绝并给出原因。点连接到最近道路上的最近点；连接线计入成本。</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="178"/>
        <source>Planar lengths</source>
        <translation>平面长度</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="180"/>
        <source>Measure lengths in the layer&apos;s projection instead of on the ellipsoid. By default lengths are ellipsoidal (the project&apos;s ellipsoid, else the layer CRS&apos;s), as QGIS&apos;s own network tools measure them.</source>
        <translation>在图层投影中测量长度，而不是在椭球面上测量。默认长度为椭球面长度（使用项目的椭球，未设置时使用图层坐标系的椭球），与 QGIS 自带网络工具的测量方式一致。</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="235"/>
        <source>Building the road network ...</source>
        <translation>正在构建路网……</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="251"/>
        <source>Network {layer}: {features} features = {used} in the network ({parts} line parts, {multi} multipart features split) + {skipped} left out; {nodes} junctions, {links} links, {components} connected parts.</source>
        <translation>路网 {layer}：{features} 个要素 = {used} 个纳入路网（{parts} 条线部件，{multi} 个多部件要素已拆分）+ {skipped} 个未纳入；{nodes} 个路口，{links} 条路段链，{components} 个连通部分。</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="259"/>
        <source>The graph was reused from the cache (same layer and settings).</source>
        <translation>已从缓存中复用路网图（图层和设置相同）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="262"/>
        <source>Lengths are ellipsoidal on {ellipsoid}.</source>
        <translation>长度为 {ellipsoid} 椭球面长度。</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="265"/>
        <source>Lengths are planar, in the layer&apos;s projection.</source>
        <translation>长度为平面长度，按图层投影计算。</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="281"/>
        <source>Walking: one-way rules ignored, {speed} m/s on every road.</source>
        <translation>步行：忽略单行规则，所有道路均为 {speed} m/s。</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="270"/>
        <source>The network layer&apos;s CRS is geographic (degrees): the graph is worked on in the UTM zone of the data, so that distances, tolerances and areas are in metres; outputs are in the layer&apos;s CRS.</source>
        <translation>路网图层的坐标参考系为地理坐标系（度）：路网图在数据所在的 UTM 带中处理，使距离、容差和面积均以米计；输出采用图层的坐标参考系。</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="275"/>
        <source>The network layer&apos;s CRS is in {unit} (1 {unit} = {factor:g} m): distances given in metres (snapping tolerance, maximum snapping distance, buffer) are converted to it, and lengths and areas are written in metres.</source>
        <translation>路网图层的坐标参考系单位为 {unit}（1 {unit} = {factor:g} m）：以米给出的距离（捕捉容差、最大捕捉距离、缓冲区）会换算为该单位，长度和面积则以米写出。</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="410"/>
        <source>{roles} {layer}: {n} points = {ok} attached to the network + {bad} rejected (listed below and in the field reason).</source>
        <translation>{roles} {layer}：{n} 个点 = 连接到路网 {ok} 个 + 被拒绝 {bad} 个（列于下方及 reason 字段）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="415"/>
        <source>The same layer is used as {roles}: its rejected points are listed once and apply to each use.</source>
        <translation>同一图层同时用作{roles}：其被拒绝的点只列出一次，对每种用途均适用。</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="65"/>
        <source>Line layer of roads in any CRS. Lines meet where they share a vertex, at their ends or in their middle (as OpenStreetMap ways do); lines that only cross (bridges, tunnels) do not meet. The built graph is reused while QGIS runs as long as the layer and these settings do not change.</source>
        <translation>任意坐标系的道路线图层。线在共享顶点处相连，无论在端点还是中间（如 OpenStreetMap 的 way）；仅交叉而无共享顶点的线（桥梁、隧道）不相连。QGIS 运行期间，只要图层和这些设置不变，已构建的路网会被复用。</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="140"/>
        <source>Vertices of different lines, and line ends, closer than this become one node (closes small undershoots and lines cut at tile edges). 0 = only vertices at exactly the same place meet.</source>
        <translation>不同线的顶点以及线端点，距离小于此值时合并为一个节点（弥合小的未及与瓦片边缘的切断）。0 = 只有位置完全相同的顶点相连。</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="154"/>
        <source>Road class field(s)</source>
        <translation>道路等级字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="157"/>
        <source>Field(s) with the road class (OSM highway, Tilezen kind and kind_detail, or a Chinese road class). Roads whose class is in the excluded classes are left out: walking never uses rail, ferry, aerialway or motorway-class roads (高速公路, 快速路 main carriageways), driving never uses footways, paths, steps, cycleways or pedestrian streets.</source>
        <translation>道路等级所在的字段（OSM highway、Tilezen 的 kind 与 kind_detail，或中国道路等级）。等级在排除列表中的道路不进入路网：步行从不使用铁路、轮渡、索道和高速公路级道路（高速公路、快速路主路），驾车从不使用人行道、小路、台阶、自行车道和步行街。</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="163"/>
        <source>Excluded classes</source>
        <translation>排除的等级</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="166"/>
        <source>Comma-separated classes to leave out (needs a class field). Empty = the mode&apos;s preset; &apos;-&apos; = leave nothing out. The log lists what was left out and its length.</source>
        <translation>要排除的等级，以逗号分隔（需要等级字段）。留空 = 该出行方式的预设；“-” = 不排除任何等级。日志列出被排除的道路及其长度。</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="189"/>
        <source>Connected parts of the network</source>
        <translation>路网连通部分</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="192"/>
        <source>Optional: every connected part of the network as lines with its length and share, to map the gaps. To close gaps: raise the node snapping tolerance (line ends and shared vertices closer than it join, e.g. lines cut at tile edges), or split lines where they cross for data that is not noded; check the excluded classes.</source>
        <translation>可选：路网的每个连通部分（线），含长度和占比，用于在地图上查看断口。弥合断口：调大节点捕捉容差（距离小于容差的线端点和共享顶点会合并，例如在瓦片边缘被切断的线），或对未打断的数据在交叉处打断线；并检查排除的等级。</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="300"/>
        <source>Walking</source>
        <translation>步行</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="300"/>
        <source>Driving</source>
        <translation>驾车</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="303"/>
        <source>{mode}: no road of an excluded class ({fields}).</source>
        <translation>{mode}：没有属于排除等级的道路（{fields}）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="310"/>
        <source>{mode}: {roads} roads of excluded classes left out, {km:.2f} km: {detail}.</source>
        <translation>{mode}：排除了 {roads} 条属于排除等级的道路，共 {km:.2f} 公里：{detail}。</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="320"/>
        <source>Connected parts: {n}; the largest holds {share:.1f} % of the {km:.2f} km of road; {small} parts hold less than {limit:g} % each ({small_km:.2f} km in all).</source>
        <translation>连通部分：{n} 个；最大部分占 {km:.2f} 公里道路的 {share:.1f} %；{small} 个部分各占不到 {limit:g} %（共 {small_km:.2f} 公里）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="326"/>
        <source>The largest connected part holds only {share:.1f} % of the network: routes and catchments stop at the gaps. Map them with OUTPUT_COMPONENTS; raise the node snapping tolerance or split lines where they cross to close them.</source>
        <translation>最大连通部分仅占路网的 {share:.1f} %：路径和服务范围会止于断口。可用 OUTPUT_COMPONENTS 在地图上查看；调大节点捕捉容差或在交叉处打断线来弥合。</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="359"/>
        <source>on an isolated part of {m:.0f} m</source>
        <translation>位于长 {m:.0f} 米的孤立部分上</translation>
    </message>
    <message>
        <location filename="../processing_algs/network_common.py" line="365"/>
        <source>{role} {layer}: {n} points sit on isolated parts of the network (less than {limit:g} % of its length): they reach little; their rows say so.</source>
        <translation>{role} {layer}：{n} 个点位于路网的孤立部分（不到其长度的 {limit:g} %）：可达范围很小；相应记录中已注明。</translation>
    </message>
</context>
<context>
    <name>NetworkIO</name>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/network.py" line="122"/>
        <source>The network layer {layer} has no features: give a line layer with roads.</source>
        <translation>路网图层 {layer} 没有要素：请提供道路线图层。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/network.py" line="340"/>
        <source>no geometry</source>
        <translation>没有几何</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/network.py" line="161"/>
        <source>not a line</source>
        <translation>不是线</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/network.py" line="192"/>
        <source>direction value &apos;{value}&apos; is none of the given values: default direction used</source>
        <translation>方向值 '{value}' 不属于给定的任何取值：使用默认方向</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/network.py" line="202"/>
        <source>empty line part</source>
        <translation>空的线部件</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/network.py" line="216"/>
        <source>The network layer {layer} has no line with a geometry: there is no network to use.</source>
        <translation>路网图层 {layer} 中没有带几何的线：没有可用的路网。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/network.py" line="234"/>
        <source>The network layer {layer} cannot be used: {detail}.</source>
        <translation>路网图层 {layer} 无法使用：{detail}。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/network.py" line="279"/>
        <source>zero length (fewer than two distinct vertices)</source>
        <translation>长度为零（不同的顶点少于两个）</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/network.py" line="281"/>
        <source>shorter than the snapping tolerance</source>
        <translation>短于捕捉容差</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/network.py" line="283"/>
        <source>starts and ends at the same node (a loop): kept</source>
        <translation>起点和终点为同一节点（环路）：已保留</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/network.py" line="315"/>
        <source>The point layer {layer} has no features.</source>
        <translation>点图层 {layer} 没有要素。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/network.py" line="342"/>
        <source>several points in one feature: give one point each</source>
        <translation>一个要素中有多个点：请每个要素只给一个点</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/network.py" line="350"/>
        <source>cannot be transformed to the network&apos;s CRS</source>
        <translation>无法转换到路网的坐标系</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/network.py" line="372"/>
        <source>nearest road is {d:.1f} m away, beyond the maximum snapping distance of {max:g} m</source>
        <translation>最近的道路距离 {d:.1f} 米，超过最大捕捉距离 {max:g} 米</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/network.py" line="375"/>
        <source>not a valid point</source>
        <translation>不是有效的点</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/network.py" line="382"/>
        <source>origin and destination are the same point</source>
        <translation>起点和终点是同一点</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/network.py" line="383"/>
        <source>no route: the two points lie on parts of the network that are not connected (or one-way streets forbid it)</source>
        <translation>无路径：两个点位于路网中互不连通的部分（或单行道不允许通行）</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/network.py" line="386"/>
        <source>no facility within the maximum cost</source>
        <translation>最大成本内没有设施</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/network.py" line="264"/>
        <source>No speed field: every road of {layer} is driven at the default speed of {speed:g} km/h.</source>
        <translation>没有速度字段：{layer} 的所有道路均按默认速度 {speed:g} km/h 计算。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/network.py" line="270"/>
        <source>{layer}: {n} roads have a speed ({field}) that is empty, not a number or not above 0: the default speed of {speed:g} km/h is used for them (features {features}).</source>
        <translation>{layer}：{n} 条道路的速度（{field}）为空、不是数字或不大于 0：这些道路使用默认速度 {speed:g} km/h（要素 {features}）。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/network.py" line="170"/>
        <source>class &apos;{value}&apos; is not used by this mode (excluded classes)</source>
        <translation>等级“{value}”不用于该出行方式（已排除的等级）</translation>
    </message>
</context>
<context>
    <name>OdMatrixAlgorithm</name>
    <message>
        <location filename="../processing_algs/odmatrix.py" line="40"/>
        <source>OD cost matrix on the road network</source>
        <translation>路网 OD 成本矩阵</translation>
    </message>
    <message>
        <location filename="../processing_algs/odmatrix.py" line="43"/>
        <source>Least network cost from every origin to every destination, as a table with one row per pair: origin_id, destination_id, cost (metres or seconds, connectors to the roads included), length_m along the least-cost route and network_m (the part along the roads).

Pairs without a route stay in the table with status &apos;unreachable&apos; (network not connected, one-way streets) or the reason a point was rejected; nothing is dropped. One Dijkstra search per origin answers all destinations at once.

Optional route lines (OUTPUT_LINES) are in the network layer&apos;s CRS.</source>
        <translation>从每个起点到每个终点的最小网络成本，输出为每对一行的表：origin_id、destination_id、cost（米或秒，含到道路的连接段）、沿最小成本路径的 length_m 以及 network_m（沿道路的部分）。

没有路径的点对仍保留在表中，状态为 'unreachable'（路网不连通、单行道限制）或给出点被拒绝的原因；不会丢弃任何记录。每个起点做一次 Dijkstra 搜索即可得到到所有终点的成本。

可选的路径线（OUTPUT_LINES）采用路网图层的坐标系。</translation>
    </message>
    <message>
        <location filename="../processing_algs/odmatrix.py" line="98"/>
        <source>Origins</source>
        <translation>起点</translation>
    </message>
    <message>
        <location filename="../processing_algs/odmatrix.py" line="55"/>
        <source>Origin points (any CRS).</source>
        <translation>起点（任意坐标系）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/odmatrix.py" line="99"/>
        <source>Destinations</source>
        <translation>终点</translation>
    </message>
    <message>
        <location filename="../processing_algs/odmatrix.py" line="55"/>
        <source>Destination points (any CRS).</source>
        <translation>终点（任意坐标系）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/odmatrix.py" line="62"/>
        <source>Origin ID field</source>
        <translation>起点 ID 字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/odmatrix.py" line="64"/>
        <source>Field copied to origin_id; the feature id when empty.</source>
        <translation>复制到 origin_id 的字段；为空时使用要素 ID。</translation>
    </message>
    <message>
        <location filename="../processing_algs/odmatrix.py" line="66"/>
        <source>Destination ID field</source>
        <translation>终点 ID 字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/odmatrix.py" line="68"/>
        <source>Field copied to destination_id; the feature id when empty.</source>
        <translation>复制到 destination_id 的字段；为空时使用要素 ID。</translation>
    </message>
    <message>
        <location filename="../processing_algs/odmatrix.py" line="70"/>
        <source>OD matrix</source>
        <translation>OD 矩阵</translation>
    </message>
    <message>
        <location filename="../processing_algs/odmatrix.py" line="72"/>
        <source>Table: origin_id, destination_id, cost, cost_unit, length_m, network_m, status, reason.</source>
        <translation>表：origin_id、destination_id、cost、cost_unit、length_m、network_m、status、reason。</translation>
    </message>
    <message>
        <location filename="../processing_algs/odmatrix.py" line="75"/>
        <source>OD routes</source>
        <translation>OD 路径</translation>
    </message>
    <message>
        <location filename="../processing_algs/odmatrix.py" line="78"/>
        <source>Optional: the route line of every pair (can be large: origins x destinations).</source>
        <translation>可选：每一对点的路径线（数量可能很大：起点数 × 终点数）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/odmatrix.py" line="80"/>
        <source>Pairs</source>
        <translation>点对数</translation>
    </message>
    <message>
        <location filename="../processing_algs/odmatrix.py" line="81"/>
        <source>Pairs without a route</source>
        <translation>没有路径的点对数</translation>
    </message>
    <message>
        <location filename="../processing_algs/odmatrix.py" line="102"/>
        <source>Computing {o} x {d} costs ...</source>
        <translation>正在计算 {o} × {d} 个成本……</translation>
    </message>
    <message>
        <location filename="../processing_algs/odmatrix.py" line="121"/>
        <source>origin: {reason}</source>
        <translation>起点：{reason}</translation>
    </message>
    <message>
        <location filename="../processing_algs/odmatrix.py" line="121"/>
        <source>destination: {reason}</source>
        <translation>终点：{reason}</translation>
    </message>
    <message>
        <location filename="../processing_algs/odmatrix.py" line="165"/>
        <source>{o} origins x {d} destinations = {n} rows: {ok} with a cost + {bad} without (status and reason say why).</source>
        <translation>{o} 个起点 × {d} 个终点 = {n} 行：{ok} 行有成本 + {bad} 行无成本（status 和 reason 说明原因）。</translation>
    </message>
</context>
<context>
    <name>ParseAddressesAlgorithm</name>
    <message>
        <location filename="../processing_algs/parseaddresses.py" line="45"/>
        <source>Parse Chinese addresses</source>
        <translation>解析中文地址</translation>
    </message>
    <message>
        <location filename="../processing_algs/parseaddresses.py" line="63"/>
        <source>Records (table, layer or CSV file)</source>
        <translation>记录（表格、图层或 CSV 文件）</translation>
    </message>
    <message>
        <location filename="../processing_algs/parseaddresses.py" line="66"/>
        <source>Any table with an address column; CSV files in GBK are read correctly when given by path.</source>
        <translation>任何含地址列的表格；以路径给出的 GBK 编码 CSV 文件也能正确读取。</translation>
    </message>
    <message>
        <location filename="../processing_algs/parseaddresses.py" line="69"/>
        <source>Address field</source>
        <translation>地址字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/parseaddresses.py" line="71"/>
        <source>The column with the address text, e.g. 户籍地址 or 现住址.</source>
        <translation>地址文本所在的列，例如 户籍地址 或 现住址。</translation>
    </message>
    <message>
        <location filename="../processing_algs/parseaddresses.py" line="73"/>
        <source>Gazetteer additions (CSV)</source>
        <translation>地名词典补充（CSV）</translation>
    </message>
    <message>
        <location filename="../processing_algs/parseaddresses.py" line="76"/>
        <source>Optional CSV with the columns level, name, code, parent: streets, communities, roads and POIs of your area (level street/community/road/poi). Roads known in one district let addresses without district get it. The national streets.csv of the division list is accepted as is.</source>
        <translation>可选的 CSV，列为 level、name、code、parent：本地的街道、社区、道路和 POI（level 为 street/community/road/poi）。只属于一个区县的道路可为缺少区县的地址补全区县。全国区划表的 streets.csv 可直接使用。</translation>
    </message>
    <message>
        <location filename="../processing_algs/parseaddresses.py" line="83"/>
        <source>Record key field</source>
        <translation>记录键字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/parseaddresses.py" line="85"/>
        <source>Optional column that identifies a record (e.g. 档案编号); default: the feature id or row number.</source>
        <translation>可选的记录标识列（例如 档案编号）；默认为要素 ID 或行号。</translation>
    </message>
    <message>
        <location filename="../processing_algs/parseaddresses.py" line="88"/>
        <source>Keep all input fields</source>
        <translation>保留全部输入字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/parseaddresses.py" line="89"/>
        <source>Off by default (privacy): names, ID numbers and phones are not copied. Turn on only if you are allowed to keep them in the output.</source>
        <translation>默认关闭（隐私）：不复制姓名、身份证号和电话。只有在允许输出这些信息时才打开。</translation>
    </message>
    <message>
        <location filename="../processing_algs/parseaddresses.py" line="93"/>
        <source>Parsed addresses</source>
        <translation>解析后的地址</translation>
    </message>
    <message>
        <location filename="../processing_algs/parseaddresses.py" line="95"/>
        <source>One row per record: record key, address, the parsed fields, building_key, room_key, status and reason (and the input fields if asked).</source>
        <translation>每条记录一行：记录键、地址、解析出的字段、building_key、room_key、status 和 reason（如要求，另含输入字段）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/parseaddresses.py" line="98"/>
        <source>Addresses parsed completely</source>
        <translation>完整解析的地址数</translation>
    </message>
    <message>
        <location filename="../processing_algs/parseaddresses.py" line="99"/>
        <source>Addresses parsed in part</source>
        <translation>部分解析的地址数</translation>
    </message>
    <message>
        <location filename="../processing_algs/parseaddresses.py" line="100"/>
        <source>Addresses not parsed</source>
        <translation>未能解析的地址数</translation>
    </message>
    <message>
        <location filename="../processing_algs/parseaddresses.py" line="109"/>
        <source>Choose the address field (ADDRESS_FIELD).</source>
        <translation>请选择地址字段（ADDRESS_FIELD）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/parseaddresses.py" line="124"/>
        <source>Parsing {n} addresses of {table}.</source>
        <translation>正在解析 {table} 的 {n} 条地址。</translation>
    </message>
    <message>
        <location filename="../processing_algs/parseaddresses.py" line="149"/>
        <source>{total} records in = {ok} parsed completely + {partial} in part + {failed} not parsed (reason in the field reason).</source>
        <translation>输入 {total} 条记录 = 完整解析 {ok} 条 + 部分解析 {partial} 条 + 未解析 {failed} 条（原因见 reason 字段）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/parseaddresses.py" line="153"/>
        <source>{n} addresses could not be parsed; see the field reason.</source>
        <translation>{n} 条地址无法解析；请查看 reason 字段。</translation>
    </message>
    <message>
        <location filename="../processing_algs/parseaddresses.py" line="48"/>
        <source>Splits the addresses of a table into province, city, district, street, community, road, lane (弄), number (号), building (幢/栋), unit, floor, room, POI and the rest, with a dictionary (jieba and the built-in national division list, plus your gazetteer) and rules. Full-width digits, Chinese numerals, 号楼/号, blanks and traditional characters are normalised first.

building_key and room_key are shared by all spellings of one building or room. status is ok, partial (reason says what is missing) or failed (reason says why).

Optional: an address model trained with Train an address model on your own labelled addresses (MODEL) decides street ... room instead of the rules; it needs python-crfsuite.

The input may be a layer or a CSV file in UTF-8, UTF-8 with BOM or GBK/GB18030 (detected). Privacy: by default the output keeps only a record key and the address, not the other input fields (names, ID numbers, phones).</source>
        <translation>用词典（jieba 与内置的全国行政区划表，加上您的地名词典）和规则，将表中的地址拆分为省、市、区县、街道、社区、道路、弄、号、幢/栋、单元、楼层、室、兴趣点（POI）和其余部分。先统一全角数字、中文数字、号楼/号、空格和繁体字。

building_key 和 room_key 对同一栋楼或同一户室的各种写法相同。status 为 ok、partial（reason 说明缺少什么）或 failed（reason 说明原因）。

可选：用“训练地址模型”在您自己标注的地址上训练出的地址模型（MODEL）将代替规则确定街道至室各项；需要安装 python-crfsuite。

输入可以是图层，或 UTF-8、带 BOM 的 UTF-8、GBK/GB18030 编码（自动识别）的 CSV 文件。隐私：默认只在输出中保留记录键和地址，不保留其他输入字段（姓名、身份证号、电话）。</translation>
    </message>
</context>
<context>
    <name>QgisIO</name>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/common.py" line="80"/>
        <source>Canceled by the user.</source>
        <translation>已被用户取消。</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="304"/>
        <source>feature has no geometry</source>
        <translation>要素没有几何</translation>
    </message>
    <message>
        <location filename="../processing_algs/gridcode.py" line="312"/>
        <source>coordinates cannot be transformed to CGCS2000 longitude/latitude</source>
        <translation>坐标无法转换为 CGCS2000 经纬度</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/raster.py" line="84"/>
        <source>The DEM raster layer is missing.</source>
        <translation>缺少 DEM 栅格图层。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/raster.py" line="86"/>
        <source>The raster {layer} is not a file raster: save it as a GeoTIFF and run again.</source>
        <translation>栅格 {layer} 不是文件栅格：请另存为 GeoTIFF 后重新运行。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/raster.py" line="144"/>
        <source>coordinates cannot be transformed</source>
        <translation>坐标无法转换</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/common.py" line="252"/>
        <source>The layer {layer} has no field {field} (parameter {parameter}); its fields are: {fields}.</source>
        <translation>图层 {layer} 没有字段 {field}（参数 {parameter}）；其字段为：{fields}。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/common.py" line="252"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/raster.py" line="66"/>
        <source>no geometry</source>
        <translation>没有几何</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/raster.py" line="71"/>
        <source>its coordinates ({x}, {y}) cannot be transformed from {source} to {target}: check the layer&apos;s CRS (longitude and latitude swapped?)</source>
        <translation>其坐标 ({x}, {y}) 无法从 {source} 转换到 {target}：请检查图层的坐标参考系（经纬度是否颠倒？）</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/schema.py" line="100"/>
        <source>The layer {layer} already has a field {field}: it is kept as it is and the new values are written to {new}.</source>
        <translation>图层 {layer} 已有字段 {field}：该字段保持不变，新值写入 {new}。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/vector.py" line="392"/>
        <source>The GeoPackage output could not be completed: {error}</source>
        <translation>GeoPackage 输出未能完成：{error}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/common.py" line="274"/>
        <source>{layer}, feature {fid}: {reason}</source>
        <translation>{layer}，要素 {fid}：{reason}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/common.py" line="281"/>
        <source>... and {n} more features of {layer}.</source>
        <translation>……以及 {layer} 中另外 {n} 个要素。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/inputs.py" line="49"/>
        <source>{parameter}: the layer {layer} has no features, so there is nothing to work with. Give a layer that holds some.</source>
        <translation>{parameter}：图层 {layer} 没有要素，无可计算。请提供含有要素的图层。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/inputs.py" line="56"/>
        <source>{parameter}: the layer {layer} has no coordinate reference system, so its positions cannot be measured nor put together with other layers. Set the CRS its coordinates are in (Layer Properties &gt; Source, or Processing&apos;s &apos;Assign projection&apos;) and run again.</source>
        <translation>{parameter}：图层 {layer} 没有坐标参考系，其位置无法量算，也无法与其他图层叠加。请设置其坐标所用的坐标参考系（图层属性 &gt; 源，或处理工具“指定投影”）后重新运行。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/schema.py" line="146"/>
        <source>{output}: the features could not be written ({error}).</source>
        <translation>{output}：无法写出要素（{error}）。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/common.py" line="308"/>
        <source>{layer}, feature {fid}: the unit has no id in {field}.</source>
        <translation>{layer}，要素 {fid}：该单元在 {field} 中没有 ID。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/common.py" line="312"/>
        <source>{layer}: the unit id {unit} is given twice; unit ids must be unique.</source>
        <translation>{layer}：单元 ID {unit} 出现了两次；单元 ID 必须唯一。</translation>
    </message>
</context>
<context>
    <name>QgisIOTables</name>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/tables.py" line="82"/>
        <source>The input table could not be read: give a layer or a CSV file.</source>
        <translation>无法读取输入表格：请给出图层或 CSV 文件。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/common.py" line="213"/>
        <source>The table {table} has no field {field}; its fields are: {fields}.</source>
        <translation>表格 {table} 没有字段 {field}；其字段为：{fields}。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/tables.py" line="149"/>
        <source>The buildings layer {layer} needs address fields: choose its address field, or its road and number fields (and lane, if any).</source>
        <translation>建筑图层 {layer} 需要地址字段：请选择其地址字段，或其道路和门牌号字段（如有弄号也请选择）。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/tables.py" line="171"/>
        <source>The buildings layer {layer}: feature {fid} has an empty or repeated id &apos;{id}&apos; in {field}; choose a field with unique ids.</source>
        <translation>建筑图层 {layer}：要素 {fid} 在 {field} 中的 ID“{id}”为空或重复；请选择具有唯一 ID 的字段。</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/tables.py" line="195"/>
        <source>road or POI</source>
        <translation>道路或 POI</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/tables.py" line="196"/>
        <source>house number</source>
        <translation>门牌号</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/tables.py" line="197"/>
        <source>room</source>
        <translation>室号</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/tables.py" line="208"/>
        <source>missing: {parts}</source>
        <translation>缺少：{parts}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/tables.py" line="211"/>
        <source>the address is empty</source>
        <translation>地址为空</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/tables.py" line="212"/>
        <source>longer than {n} characters: not an address (check the column)</source>
        <translation>超过 {n} 个字符：不是地址（请检查所选列）</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/tables.py" line="214"/>
        <source>no Chinese characters: English or pinyin addresses are not parsed</source>
        <translation>没有中文字符：不解析英文或拼音地址</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/tables.py" line="216"/>
        <source>numbers only: no road, POI or division name</source>
        <translation>只有数字：没有道路、POI 或行政区划名称</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/tables.py" line="217"/>
        <source>no place name or house number found</source>
        <translation>未找到地名或门牌号</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/tables.py" line="227"/>
        <source>address not understood: {detail}</source>
        <translation>无法理解的地址：{detail}</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/tables.py" line="228"/>
        <source>no road or POI in the address</source>
        <translation>地址中没有道路或 POI</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/tables.py" line="229"/>
        <source>the address is in another district ({detail}) than the buildings</source>
        <translation>该地址位于与建筑不同的区县（{detail}）</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/tables.py" line="231"/>
        <source>the road {detail} is not among the buildings&apos; roads</source>
        <translation>道路 {detail} 不在建筑的道路中</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/tables.py" line="233"/>
        <source>the road is unknown and close to several roads ({detail}): not guessed</source>
        <translation>道路未知，且与多条道路相近（{detail}）：不猜测</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/tables.py" line="235"/>
        <source>no building has this road, lane and number ({detail})</source>
        <translation>没有建筑具有该道路、弄号和门牌号（{detail}）</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/tables.py" line="237"/>
        <source>several buildings have this address ({detail}): not guessed</source>
        <translation>多栋建筑具有此地址（{detail}）：不猜测</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/tables.py" line="239"/>
        <source>no room number: the building is {detail}, the household is unknown</source>
        <translation>没有室号：建筑为 {detail}，户未知</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/tables.py" line="241"/>
        <source>the room exists in several units of {detail}: give the unit</source>
        <translation>该室号存在于 {detail} 的多个单元中：请给出单元</translation>
    </message>
    <message>
        <location filename="../cim_twin_plugin/qgis_io/tables.py" line="243"/>
        <source>the building {detail} has no geometry: no household can be placed in it; fix its footprint</source>
        <translation>建筑 {detail} 没有几何：无法在其中落位住户；请修复其轮廓</translation>
    </message>
</context>
<context>
    <name>ServiceAreaAlgorithm</name>
    <message>
        <location filename="../processing_algs/servicearea.py" line="50"/>
        <source>Service areas on the road network</source>
        <translation>路网服务区</translation>
    </message>
    <message>
        <location filename="../processing_algs/servicearea.py" line="53"/>
        <source>For every facility and every cost band (e.g. 300,500,1000 m or 5,10,15 min), the parts of the road network reachable within the band: whole roads and the reachable part of roads left half-way (exact to the cost). Bands are nested: a band holds everything within its cost.

OUTPUT_LINES has one multi-line per facility and band; OUTPUT_POLYGONS one polygon per facility and band (not dissolved), a buffer of BUFFER metres around the reachable lines (the method is written in the field method); OUTPUT_NODES the junctions reached with their cost.

The facility&apos;s connector to the road is counted. Walking mode uses the walking speed (1.2 m/s by default: 5/10/15 minutes ~ 360/720/1080 m). Outputs are in the network layer&apos;s CRS.</source>
        <translation>对每个设施和每个成本分段（例如 300,500,1000 米或 5,10,15 分钟），求分段内可达的路网部分：整条道路以及只走到一半的道路的可达部分（按成本精确截取）。分段是嵌套的：每个分段包含其成本以内的全部内容。

OUTPUT_LINES 每个设施每个分段一条多线；OUTPUT_POLYGONS 每个设施每个分段一个多边形（不融合），为可达线路外扩 BUFFER 米的缓冲区（方法写在 method 字段中）；OUTPUT_NODES 为到达的路口及其成本。

设施到道路的连接段计入成本。步行方式使用步行速度（默认 1.2 m/s：5/10/15 分钟约 360/720/1080 米）。输出采用路网图层的坐标系。</translation>
    </message>
    <message>
        <location filename="../processing_algs/servicearea.py" line="133"/>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../processing_algs/servicearea.py" line="68"/>
        <source>Facility points (any CRS).</source>
        <translation>设施点（任意坐标系）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/servicearea.py" line="70"/>
        <source>Facility ID field</source>
        <translation>设施 ID 字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/servicearea.py" line="72"/>
        <source>Field copied to facility_id; the feature id when empty.</source>
        <translation>复制到 facility_id 的字段；为空时使用要素 ID。</translation>
    </message>
    <message>
        <location filename="../processing_algs/servicearea.py" line="74"/>
        <source>Cost bands (comma-separated)</source>
        <translation>成本分段（逗号分隔）</translation>
    </message>
    <message>
        <location filename="../processing_algs/servicearea.py" line="76"/>
        <source>Upper cost of each band, e.g. 300,500,1000 (metres) or 5,10,15 with minutes as the unit. Every value must be more than 0.</source>
        <translation>每个分段的成本上限，例如 300,500,1000（米），或以分钟为单位的 5,10,15。每个值都必须大于 0。</translation>
    </message>
    <message>
        <location filename="../processing_algs/servicearea.py" line="79"/>
        <source>Unit of the bands</source>
        <translation>分段的单位</translation>
    </message>
    <message>
        <location filename="../processing_algs/servicearea.py" line="79"/>
        <source>Metres (length) or seconds (time)</source>
        <translation>米（长度）或秒（时间）</translation>
    </message>
    <message>
        <location filename="../processing_algs/servicearea.py" line="79"/>
        <source>Minutes (time)</source>
        <translation>分钟（时间）</translation>
    </message>
    <message>
        <location filename="../processing_algs/servicearea.py" line="82"/>
        <source>Minutes need the travel time cost.</source>
        <translation>以分钟为单位时需使用出行时间成本。</translation>
    </message>
    <message>
        <location filename="../processing_algs/servicearea.py" line="84"/>
        <source>Travel direction</source>
        <translation>出行方向</translation>
    </message>
    <message>
        <location filename="../processing_algs/servicearea.py" line="84"/>
        <source>From the facility</source>
        <translation>从设施出发</translation>
    </message>
    <message>
        <location filename="../processing_algs/servicearea.py" line="84"/>
        <source>To the facility</source>
        <translation>到达设施</translation>
    </message>
    <message>
        <location filename="../processing_algs/servicearea.py" line="87"/>
        <source>Reach from the facility, or the area from which the facility is reached (matters with one-way streets).</source>
        <translation>从设施出发可达的范围，或可以到达设施的范围（有单行道时有影响）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/servicearea.py" line="90"/>
        <source>Polygon buffer (m)</source>
        <translation>多边形缓冲距离（米）</translation>
    </message>
    <message>
        <location filename="../processing_algs/servicearea.py" line="93"/>
        <source>Polygons are the reachable lines buffered by this distance.</source>
        <translation>多边形为可达线路按该距离生成的缓冲区。</translation>
    </message>
    <message>
        <location filename="../processing_algs/servicearea.py" line="95"/>
        <source>Service area lines</source>
        <translation>服务区线</translation>
    </message>
    <message>
        <location filename="../processing_algs/servicearea.py" line="97"/>
        <source>Reachable network per facility and band: facility_id, band, cost_unit, length_m.</source>
        <translation>每个设施每个分段的可达路网：facility_id、band、cost_unit、length_m。</translation>
    </message>
    <message>
        <location filename="../processing_algs/servicearea.py" line="99"/>
        <source>Service area polygons</source>
        <translation>服务区多边形</translation>
    </message>
    <message>
        <location filename="../processing_algs/servicearea.py" line="101"/>
        <source>One polygon per facility and band (not dissolved), with the method used.</source>
        <translation>每个设施每个分段一个多边形（不融合），并注明所用方法。</translation>
    </message>
    <message>
        <location filename="../processing_algs/servicearea.py" line="103"/>
        <source>Service area nodes</source>
        <translation>服务区节点</translation>
    </message>
    <message>
        <location filename="../processing_algs/servicearea.py" line="106"/>
        <source>Optional: junctions reached within the largest band, with their cost.</source>
        <translation>可选：在最大分段内到达的路口及其成本。</translation>
    </message>
    <message>
        <location filename="../processing_algs/servicearea.py" line="108"/>
        <source>Service areas</source>
        <translation>服务区</translation>
    </message>
    <message>
        <location filename="../processing_algs/servicearea.py" line="109"/>
        <source>Facilities not attached</source>
        <translation>未连接到路网的设施数</translation>
    </message>
    <message>
        <location filename="../processing_algs/servicearea.py" line="126"/>
        <source>Bands in minutes need the travel time cost (COST = 1).</source>
        <translation>以分钟为单位的分段需要出行时间成本（COST = 1）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/servicearea.py" line="154"/>
        <source>buffer {m:g} m around the reachable lines</source>
        <translation>可达线路外扩 {m:g} 米缓冲区</translation>
    </message>
    <message>
        <location filename="../processing_algs/servicearea.py" line="169"/>
        <source>no road within the band from this facility</source>
        <translation>该设施在此分段内没有可达道路</translation>
    </message>
    <message>
        <location filename="../processing_algs/servicearea.py" line="206"/>
        <source>{n} facilities = {ok} with service areas + {bad} not attached (reason in the field reason); {areas} areas for bands {bands} {unit}.</source>
        <translation>{n} 个设施 = {ok} 个有服务区 + {bad} 个未连接到路网（原因见 reason 字段）；分段 {bands} {unit} 共 {areas} 个服务区。</translation>
    </message>
    <message>
        <location filename="../processing_algs/servicearea.py" line="211"/>
        <source>Travel time at {speed} when walking; road speeds when driving.</source>
        <translation>步行时出行时间按 {speed} 计算；驾车时按道路速度计算。</translation>
    </message>
    <message>
        <location filename="../processing_algs/servicearea.py" line="117"/>
        <source>COSTS &apos;{text}&apos;: {detail}. Give a comma-separated list of numbers above 0, e.g. 300,500,1000.</source>
        <translation>COSTS '{text}'：{detail}。请给出以逗号分隔、大于 0 的数字列表，例如 300,500,1000。</translation>
    </message>
</context>
<context>
    <name>ShortestPathAlgorithm</name>
    <message>
        <location filename="../processing_algs/shortestpath.py" line="41"/>
        <source>Shortest path on the road network</source>
        <translation>路网最短路径</translation>
    </message>
    <message>
        <location filename="../processing_algs/shortestpath.py" line="44"/>
        <source>Least-cost route (length or travel time) between a start and an end point, or between the points of two layers, paired by order or all with all.

Points attach to the nearest point of the nearest road (not only to a node); the straight connector is counted in cost, length and time and reported as start_snap_m/end_snap_m; network_m and network_s are the part along the roads, which is what QGIS&apos;s native shortest path reports. Every pair gets one row: a route, or no geometry with status and reason (point too far from the roads, network not connected, same point).

Output lines are in the network layer&apos;s CRS. The graph is built once per layer and settings and reused by later runs.</source>
        <translation>两点之间，或两个图层的点之间（按顺序配对或全部两两配对）的最小成本路径（长度或出行时间）。

点连接到最近道路上的最近点（不仅是节点）；直线连接段计入成本、长度和时间，并以 start_snap_m/end_snap_m 报告；network_m 和 network_s 是沿道路的部分，即 QGIS 自带最短路径工具报告的值。每一对都有一行：一条路径，或没有几何并给出状态和原因（点离道路太远、路网不连通、同一点）。

输出线采用路网图层的坐标系。路网图按图层和设置构建一次，后续运行复用。</translation>
    </message>
    <message>
        <location filename="../processing_algs/shortestpath.py" line="58"/>
        <source>Start point</source>
        <translation>起点</translation>
    </message>
    <message>
        <location filename="../processing_algs/shortestpath.py" line="59"/>
        <source>A single start point (any CRS); or use a start layer.</source>
        <translation>单个起点（任意坐标系）；也可使用起点图层。</translation>
    </message>
    <message>
        <location filename="../processing_algs/shortestpath.py" line="61"/>
        <source>End point</source>
        <translation>终点</translation>
    </message>
    <message>
        <location filename="../processing_algs/shortestpath.py" line="62"/>
        <source>A single end point (any CRS); or use an end layer.</source>
        <translation>单个终点（任意坐标系）；也可使用终点图层。</translation>
    </message>
    <message>
        <location filename="../processing_algs/shortestpath.py" line="64"/>
        <source>Start points layer</source>
        <translation>起点图层</translation>
    </message>
    <message>
        <location filename="../processing_algs/shortestpath.py" line="66"/>
        <source>Points to start from (any CRS); replaces the start point.</source>
        <translation>出发点（任意坐标系）；替代单个起点。</translation>
    </message>
    <message>
        <location filename="../processing_algs/shortestpath.py" line="68"/>
        <source>End points layer</source>
        <translation>终点图层</translation>
    </message>
    <message>
        <location filename="../processing_algs/shortestpath.py" line="70"/>
        <source>Points to go to (any CRS); replaces the end point.</source>
        <translation>目的点（任意坐标系）；替代单个终点。</translation>
    </message>
    <message>
        <location filename="../processing_algs/shortestpath.py" line="72"/>
        <source>Pairing of start and end points</source>
        <translation>起点与终点的配对方式</translation>
    </message>
    <message>
        <location filename="../processing_algs/shortestpath.py" line="72"/>
        <source>By order (1st with 1st, ...)</source>
        <translation>按顺序（第 1 个对第 1 个，……）</translation>
    </message>
    <message>
        <location filename="../processing_algs/shortestpath.py" line="72"/>
        <source>All pairs</source>
        <translation>所有配对</translation>
    </message>
    <message>
        <location filename="../processing_algs/shortestpath.py" line="75"/>
        <source>By order pairs the n-th start with the n-th end (the layers must have as many points); all pairs routes every start to every end.</source>
        <translation>按顺序配对将第 n 个起点与第 n 个终点配对（两个图层的点数必须相同）；全部配对则计算每个起点到每个终点的路径。</translation>
    </message>
    <message>
        <location filename="../processing_algs/shortestpath.py" line="78"/>
        <source>Routes</source>
        <translation>路径</translation>
    </message>
    <message>
        <location filename="../processing_algs/shortestpath.py" line="80"/>
        <source>One line per pair with cost, length_m, time_s, network_m, edges, status.</source>
        <translation>每对一条线，含 cost、length_m、time_s、network_m、edges、status。</translation>
    </message>
    <message>
        <location filename="../processing_algs/shortestpath.py" line="82"/>
        <source>Routes found</source>
        <translation>找到的路径数</translation>
    </message>
    <message>
        <location filename="../processing_algs/shortestpath.py" line="83"/>
        <source>Pairs without a route</source>
        <translation>没有路径的点对数</translation>
    </message>
    <message>
        <location filename="../processing_algs/shortestpath.py" line="104"/>
        <source>Give a start (START or START_LAYER) and an end (END or END_LAYER).</source>
        <translation>请给出起点（START 或 START_LAYER）和终点（END 或 END_LAYER）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/shortestpath.py" line="112"/>
        <source>Pairing by order needs as many start points ({s}) as end points ({e}); choose all pairs or give layers of the same size.</source>
        <translation>按顺序配对需要起点数（{s}）与终点数（{e}）相同；请选择全部配对，或提供点数相同的图层。</translation>
    </message>
    <message>
        <location filename="../processing_algs/shortestpath.py" line="134"/>
        <source>Routing {n} pairs ...</source>
        <translation>正在计算 {n} 对点的路径……</translation>
    </message>
    <message>
        <location filename="../processing_algs/shortestpath.py" line="142"/>
        <source>start point: {reason}</source>
        <translation>起点：{reason}</translation>
    </message>
    <message>
        <location filename="../processing_algs/shortestpath.py" line="142"/>
        <source>end point: {reason}</source>
        <translation>终点：{reason}</translation>
    </message>
    <message>
        <location filename="../processing_algs/shortestpath.py" line="164"/>
        <source>{n} pairs = {found} routes + {failed} without a route (reason in the field reason).</source>
        <translation>{n} 对 = {found} 条路径 + {failed} 对无路径（原因见 reason 字段）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/shortestpath.py" line="167"/>
        <source>{failed} pairs have no route; see the fields status and reason.</source>
        <translation>{failed} 对点没有路径；请查看 status 和 reason 字段。</translation>
    </message>
    <message>
        <location filename="../processing_algs/shortestpath.py" line="125"/>
        <source>Start points</source>
        <translation>起点</translation>
    </message>
    <message>
        <location filename="../processing_algs/shortestpath.py" line="126"/>
        <source>End points</source>
        <translation>终点</translation>
    </message>
</context>
<context>
    <name>TrainAddressModelAlgorithm</name>
    <message>
        <location filename="../processing_algs/trainaddressmodel.py" line="38"/>
        <source>Train an address model</source>
        <translation>训练地址模型</translation>
    </message>
    <message>
        <location filename="../processing_algs/trainaddressmodel.py" line="41"/>
        <source>Trains a statistical address tagger (a CRF) on addresses you have labelled, and writes it to a model file. Give the model to Parse Chinese addresses (parameter MODEL): it then takes street, community, road, lane, number, building, unit, floor, room and POI from the model, which learns the conventions of your sources (is the last 号 after 栋 a unit or a room?). Province, city, district and their codes still come from the gazetteer.

The labelled addresses are a text file in CoNLL form: one 'token TAG' per line (a character, or a run of digits), BIO tags, a blank line after each address. Tags may be our field names (province, city, district, street, community, road, lane, number, building, unit, floor, room, poi) or those of the NAACL 2019 / CCKS 2021 address data (prov, town, road, roadno, subroad, houseno, cellno, floorno, roomno, poi ...).

No model is shipped with the plugin: the public labelled data (NAACL 2019) has no licence. The model is optional: the rules parse addresses without it. Training and parsing with a model need the Python package python-crfsuite in QGIS's Python (pip install python-crfsuite). A model belongs with the rules and gazetteer of the plugin version that trained it: train it again after an update, with the same gazetteer additions you parse with.</source>
        <translation>在您标注好的地址上训练统计地址标注器（条件随机场 CRF），并写入模型文件。将模型交给“解析中文地址”（参数 MODEL）后，街道、社区、道路、弄、号、幢/栋、单元、楼层、室和兴趣点（POI）均取自模型；模型会学到您的数据来源的惯例（栋之后的最后一个“号”是单元还是室？）。省、市、区县及其代码仍取自地名词典。

标注地址为 CoNLL 格式的文本文件：每行一个“词元 标签”（一个字符，或一串数字），采用 BIO 标签，每个地址之后空一行。标签可以是本插件的字段名（province、city、district、street、community、road、lane、number、building、unit、floor、room、poi），也可以是 NAACL 2019 / CCKS 2021 地址数据的标签（prov、town、road、roadno、subroad、houseno、cellno、floorno、roomno、poi 等）。

插件不附带模型：公开的标注数据（NAACL 2019）没有许可协议。模型是可选的：没有模型时由规则解析地址。训练模型和使用模型解析都需要在 QGIS 的 Python 中安装 python-crfsuite 包（pip install python-crfsuite）。模型与训练它的插件版本的规则和地名词典配套：插件更新后请重新训练，并使用与解析时相同的地名词典补充。</translation>
    </message>
    <message>
        <location filename="../processing_algs/trainaddressmodel.py" line="62"/>
        <source>Labelled addresses (CoNLL text file)</source>
        <translation>标注地址（CoNLL 文本文件）</translation>
    </message>
    <message>
        <location filename="../processing_algs/trainaddressmodel.py" line="63"/>
        <source>UTF-8 text, one 'token TAG' per line with BIO tags (B-road, I-road, O ...), a blank line between addresses, e.g. 杭 B-city / 州 I-city / 市 I-city. A bad line stops the run with its number.</source>
        <translation>UTF-8 文本，每行一个“词元 标签”，采用 BIO 标签（B-road、I-road、O 等），地址之间空一行，例如 杭 B-city / 州 I-city / 市 I-city。遇到格式错误的行即停止运行，并给出其行号。</translation>
    </message>
    <message>
        <location filename="../processing_algs/trainaddressmodel.py" line="67"/>
        <source>Gazetteer additions (CSV)</source>
        <translation>地名词典补充（CSV）</translation>
    </message>
    <message>
        <location filename="../processing_algs/trainaddressmodel.py" line="70"/>
        <source>Optional CSV with the columns level, name, code, parent (streets, communities, roads, POIs), as for Parse Chinese addresses. What the rules and the gazetteer make of an address is part of what the model learns: parse with the same gazetteer additions.</source>
        <translation>可选 CSV，列为 level、name、code、parent（街道、社区、道路、兴趣点），与“解析中文地址”相同。规则和地名词典对地址的解读是模型学习内容的一部分：解析时请使用相同的地名词典补充。</translation>
    </message>
    <message>
        <location filename="../processing_algs/trainaddressmodel.py" line="75"/>
        <source>Maximum training iterations</source>
        <translation>最大训练迭代次数</translation>
    </message>
    <message>
        <location filename="../processing_algs/trainaddressmodel.py" line="78"/>
        <source>How many passes the training may make over the labelled addresses; more passes take longer and may fit the data more closely. At least 10.</source>
        <translation>训练最多遍历标注地址的次数；次数越多耗时越长，对数据的拟合可能越紧密。至少为 10。</translation>
    </message>
    <message>
        <location filename="../processing_algs/trainaddressmodel.py" line="83"/>
        <source>Address model</source>
        <translation>地址模型</translation>
    </message>
    <message>
        <location filename="../processing_algs/trainaddressmodel.py" line="83"/>
        <source>Address model (*.model)</source>
        <translation>地址模型 (*.model)</translation>
    </message>
    <message>
        <location filename="../processing_algs/trainaddressmodel.py" line="85"/>
        <source>The model file to write; give it to Parse Chinese addresses as MODEL.</source>
        <translation>要写出的模型文件；将其作为 MODEL 交给“解析中文地址”。</translation>
    </message>
    <message>
        <location filename="../processing_algs/trainaddressmodel.py" line="87"/>
        <source>Labelled addresses</source>
        <translation>标注地址数</translation>
    </message>
    <message>
        <location filename="../processing_algs/trainaddressmodel.py" line="88"/>
        <source>Labelled tokens</source>
        <translation>标注词元数</translation>
    </message>
    <message>
        <location filename="../processing_algs/trainaddressmodel.py" line="95"/>
        <source>Choose the file of labelled addresses (INPUT).</source>
        <translation>请选择标注地址文件（INPUT）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/trainaddressmodel.py" line="97"/>
        <source>Choose where to write the model (OUTPUT).</source>
        <translation>请选择模型的写出位置（OUTPUT）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/trainaddressmodel.py" line="102"/>
        <source>The tags {tags} are not address fields: the model learns them, and parsing puts their text in the field rest.</source>
        <translation>标签 {tags} 不是地址字段：模型会学习这些标签，解析时其文本放入字段 rest。</translation>
    </message>
    <message>
        <location filename="../processing_algs/trainaddressmodel.py" line="111"/>
        <source>Cannot create the folder of {path}: {error}</source>
        <translation>无法创建 {path} 所在的文件夹：{error}</translation>
    </message>
    <message>
        <location filename="../processing_algs/trainaddressmodel.py" line="113"/>
        <source>Training on {n} labelled addresses of {file} (at most {iterations} iterations).</source>
        <translation>正在用 {file} 中的 {n} 个标注地址训练（最多迭代 {iterations} 次）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/trainaddressmodel.py" line="122"/>
        <source>Cannot write the model {path}: {error}</source>
        <translation>无法写出模型 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../processing_algs/trainaddressmodel.py" line="127"/>
        <source>{addresses} addresses, {tokens} tokens and {labels} labels learnt in {seconds:.1f} s; model written to {path}.</source>
        <translation>用时 {seconds:.1f} 秒学习了 {addresses} 个地址、{tokens} 个词元和 {labels} 种标签；模型已写入 {path}。</translation>
    </message>
    <message>
        <location filename="../processing_algs/trainaddressmodel.py" line="130"/>
        <source>The model belongs with the rules and gazetteer of CIM Twin {version}: parse with this version and the same gazetteer additions, and train it again after updating the plugin.</source>
        <translation>该模型与 CIM 数字孪生 {version} 的规则和地名词典配套：请用此版本和相同的地名词典补充进行解析，插件更新后请重新训练。</translation>
    </message>
</context>
<context>
    <name>ViewshedAlgorithm</name>
    <message>
        <location filename="../processing_algs/viewshed.py" line="85"/>
        <source>Viewshed with buildings and view angles</source>
        <translation>顾及建筑与视角的可视域</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="88"/>
        <source>Computes which cells of a DEM can be seen from a point (OBSERVER) or from every point of a layer (OBSERVERS), with buildings burnt in as obstacles (ground + height), a radius, a view cone (AZIMUTH from north and horizontal field of view HFOV) and vertical angle limits. Point layers can override height, radius, azimuth, field of view and vertical angles per feature.

OUTPUT: 1 visible, 0 not visible, nodata outside the range; with several observers the number of observers that see each cell. Algorithm &apos;fast&apos; uses GDAL&apos;s viewshed; &apos;exact&apos; tests a sight line to every cell (the default with buildings, where GDAL&apos;s approximation misses many cells). Several observers run in parallel on every core. A geographic DEM is reprojected to UTM.

Optional outputs: the visible area as polygons, and every building with the share of its cells that can be seen and the number of observers that see it.</source>
        <translation>计算从一个点（OBSERVER）或图层中每个点（OBSERVERS）能看到 DEM 的哪些单元：建筑作为障碍物烧录（地面 + 高度），可设半径、视锥（AZIMUTH 自北起算的方位角和水平视场角 HFOV）及垂直视角限制。点图层可按要素覆盖高度、半径、方位角、视场角和垂直视角。

OUTPUT：1 可见，0 不可见，范围外为无数据；多个观察点时为看到每个单元的观察点数。算法“fast”使用 GDAL 的可视域；“exact”对每个单元检验一条视线（有建筑时的默认值，GDAL 的近似在建筑间会漏掉许多单元）。多个观察点在所有 CPU 核上并行计算。地理坐标系的 DEM 会重投影到 UTM。

可选输出：可见区域面，以及每栋建筑的可见比例和看到它的观察点数。</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="115"/>
        <source>DEM</source>
        <translation>数字高程模型（DEM）</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="116"/>
        <source>Terrain (or a DSM) in metres, any CRS.</source>
        <translation>地形（或 DSM）高程（米），任意坐标系。</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="119"/>
        <source>Observer points</source>
        <translation>观察点图层</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="122"/>
        <source>Points to look from (any CRS). Give this or a single observer point.</source>
        <translation>观察的位置（任意坐标系）。给出此图层或单个观察点。</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="124"/>
        <source>Observer point</source>
        <translation>观察点</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="125"/>
        <source>A single point to look from, used when no observer layer is given.</source>
        <translation>单个观察位置，未给观察点图层时使用。</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="127"/>
        <source>Observer height (m)</source>
        <translation>观察高度（米）</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="127"/>
        <source>Eye height above the surface (on a roof when the point is on a building).</source>
        <translation>表面以上的视点高度（点位于建筑上时即屋顶以上）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="129"/>
        <source>Target height (m)</source>
        <translation>目标高度（米）</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="129"/>
        <source>Height above the surface of what must be seen (0 = the ground itself).</source>
        <translation>需被看到的目标在表面以上的高度（0 = 地表本身）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="131"/>
        <source>Radius (m)</source>
        <translation>半径（米）</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="131"/>
        <source>Maximum viewing distance; empty = the whole DEM. Must be greater than 0.</source>
        <translation>最大可视距离；为空 = 整个 DEM。必须大于 0。</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="134"/>
        <source>Azimuth of the view centre (degrees from north)</source>
        <translation>视野中心方位角（自北起算，度）</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="134"/>
        <source>Direction of the centre of the view cone, clockwise from north.</source>
        <translation>视锥中心方向，自北顺时针。</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="136"/>
        <source>Horizontal field of view (degrees)</source>
        <translation>水平视场角（度）</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="136"/>
        <source>Width of the view cone, 0-360 (360 = all around).</source>
        <translation>视锥宽度，0-360（360 = 全方位）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="138"/>
        <source>Upward view limit (degrees)</source>
        <translation>向上视角限制（度）</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="138"/>
        <source>Highest angle above the horizontal that is seen (90 = no limit).</source>
        <translation>可见的水平线以上最大角度（90 = 不限）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="140"/>
        <source>Downward view limit (degrees)</source>
        <translation>向下视角限制（度）</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="140"/>
        <source>Lowest angle below the horizontal that is seen (90 = no limit).</source>
        <translation>可见的水平线以下最大角度（90 = 不限）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="142"/>
        <source>Earth curvature and refraction</source>
        <translation>地球曲率与大气折射</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="143"/>
        <source>Lower distant cells by the earth&apos;s curvature, reduced by refraction.</source>
        <translation>按地球曲率降低远处单元的高程，并按折射减小该改正。</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="145"/>
        <source>Refraction coefficient</source>
        <translation>大气折射系数</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="145"/>
        <source>Coefficient of atmospheric refraction used with the curvature (0.13 by default).</source>
        <translation>与曲率改正一起使用的大气折射系数（默认 0.13）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="148"/>
        <source>Algorithm</source>
        <translation>算法</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="148"/>
        <source>fast (GDAL)</source>
        <translation>快速（GDAL）</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="148"/>
        <source>exact (sight lines)</source>
        <translation>exact（视线）</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="152"/>
        <source>fast = GDAL&apos;s viewshed engine; exact = a sight line to every cell. Empty: exact with buildings, fast without.</source>
        <translation>fast = GDAL 可视域引擎；exact = 对每个单元检验一条视线。为空：有建筑时为 exact，否则为 fast。</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="155"/>
        <source>Observer height field</source>
        <translation>观察高度字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="155"/>
        <source>Radius field</source>
        <translation>半径字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="155"/>
        <source>Azimuth field</source>
        <translation>方位角字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="155"/>
        <source>Horizontal field of view field</source>
        <translation>水平视场角字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="155"/>
        <source>Upward limit field</source>
        <translation>向上视角字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="155"/>
        <source>Downward limit field</source>
        <translation>向下视角字段</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="167"/>
        <source>Per-observer value overriding the parameter above where it is not empty.</source>
        <translation>按观察点覆盖上方参数的值（字段不为空时）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="171"/>
        <source>Viewshed</source>
        <translation>可视域</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="175"/>
        <source>Visible area</source>
        <translation>可见区域</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="179"/>
        <source>The visible cells as polygons, with the number of observers that see them.</source>
        <translation>以面表示的可见单元，带有看到它们的观察点数。</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="181"/>
        <source>Building visibility</source>
        <translation>建筑可见性</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="185"/>
        <source>Every building with its visible share and the number of observers that see it.</source>
        <translation>每栋建筑的可见比例和看到它的观察点数。</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="187"/>
        <source>Visible cells</source>
        <translation>可见单元数</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="188"/>
        <source>Visible area (m2)</source>
        <translation>可见面积（平方米）</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="189"/>
        <source>Observers used</source>
        <translation>使用的观察点</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="190"/>
        <source>Observers skipped</source>
        <translation>跳过的观察点</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="228"/>
        <source>Observers: {total} in = {used} used + {skipped} skipped.</source>
        <translation>观察点：输入 {total} = 使用 {used} + 跳过 {skipped}。</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="238"/>
        <source>No observer of the layer {layer} can be used (see the log): place them on the DEM.</source>
        <translation>图层 {layer} 中没有可用的观察点（见日志）：请将其放在 DEM 范围内。</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="257"/>
        <source>The observer point</source>
        <translation>该观察点</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="262"/>
        <source>Give an observer point (OBSERVER) or an observer layer (OBSERVERS).</source>
        <translation>请给出观察点（OBSERVER）或观察点图层（OBSERVERS）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="278"/>
        <source>Algorithm: {mode} (chosen automatically).</source>
        <translation>算法：{mode}（自动选择）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="283"/>
        <source>Computing the viewshed of {n} observers ({mode}).</source>
        <translation>正在计算 {n} 个观察点的可视域（{mode}）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="301"/>
        <source>{cells} cells visible ({area:.0f} m2); output CRS {crs}.</source>
        <translation>可见单元 {cells} 个（{area:.0f} 平方米）；输出坐标系 {crs}。</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="315"/>
        <source>No buildings were given: the building output stays empty.</source>
        <translation>未提供建筑：建筑输出为空。</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="339"/>
        <source>Visible area: {n} polygons.</source>
        <translation>可见区域：{n} 个面。</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="369"/>
        <source>Buildings: {n} written, {seen} seen by at least one observer, {skipped} not on the surface (reason in vis_reason).</source>
        <translation>建筑：写出 {n} 栋，至少被一个观察点看到 {seen} 栋，未在表面上 {skipped} 栋（原因见 vis_reason）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="172"/>
        <source>GeoTIFF: 1 visible, 0 not (255 = outside the range); with several observers the number of observers that see each cell (65535 = outside every range).</source>
        <translation>GeoTIFF：1 可见，0 不可见（255 = 范围外）；多个观察点时为看到每个单元的观察点数（65535 = 所有范围之外）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="219"/>
        <source>observer feature {fid} of layer {layer}</source>
        <translation>图层 {layer} 的观察点要素 {fid}</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="234"/>
        <source>Observer feature {fid} of layer {layer} skipped: {reason}</source>
        <translation>已跳过图层 {layer} 的观察点要素 {fid}：{reason}</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="251"/>
        <source>The observer point ({x}, {y}) cannot be transformed from {source} to the DEM&apos;s CRS {target}: check its coordinates and CRS (longitude and latitude swapped?).</source>
        <translation>观察点 ({x}, {y}) 无法从 {source} 转换到 DEM 的坐标参考系 {target}：请检查其坐标和坐标参考系（经纬度是否颠倒？）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/viewshed.py" line="295"/>
        <source>Observers computed in {n} processes.</source>
        <translation>已在 {n} 个进程中计算观察点。</translation>
    </message>
</context>
<context>
    <name>VisibilityAlgorithm</name>
    <message>
        <location filename="../processing_algs/visibility_common.py" line="40"/>
        <source>Choose a height field or a floors field of the buildings layer {layer}.</source>
        <translation>请选择建筑图层 {layer} 的高度字段或层数字段。</translation>
    </message>
    <message>
        <location filename="../processing_algs/visibility_common.py" line="71"/>
        <source>Buildings: {total} in = {burnt} on the surface + {skipped} skipped ({repaired} invalid footprints repaired).</source>
        <translation>建筑：输入 {total} = 表面上 {burnt} + 跳过 {skipped}（修复无效轮廓 {repaired} 个）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/visibility_common.py" line="83"/>
        <source>{n} buildings skipped: {reason} (feature ids {ids}).</source>
        <translation>跳过 {n} 栋建筑：{reason}（要素 ID {ids}）。</translation>
    </message>
    <message>
        <location filename="../processing_algs/visibility_common.py" line="25"/>
        <source>The DEM&apos;s CRS {crs} is not in metres (1 unit = {unit:.6g} m): distances given and written in metres are converted; heights stay in metres.</source>
        <translation>DEM 的坐标参考系 {crs} 不以米为单位（1 单位 = {unit:.6g} m）：以米给出和写出的距离会自动换算；高度仍以米为单位。</translation>
    </message>
</context>
</TS>
