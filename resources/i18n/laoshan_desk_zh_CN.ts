<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own words that Qt 6's qtbase_zh_CN.qm lacks (its source strings gained an "&" in Qt 6).
     Compiled to laoshan_desk_zh_CN.qm by `make forms` (pyside6-lrelease); loaded after qtbase. -->
<TS version="2.1" language="zh_CN">
<context>
    <name>QFileDialog</name>
    <message><source>&amp;Look in:</source><translation>查找范围(&amp;L)：</translation></message>
    <message><source>Files of &amp;type:</source><translation>文件类型(&amp;T)：</translation></message>
    <message><source>File &amp;name:</source><translation>文件名称(&amp;N)：</translation></message>
    <message><source>&amp;Rename</source><translation>重命名(&amp;R)</translation></message>
    <message><source>&amp;Delete</source><translation>删除(&amp;D)</translation></message>
    <message><source>Show &amp;hidden files</source><translation>显示隐藏文件(&amp;H)</translation></message>
    <message><source>&amp;New Folder</source><translation>新建文件夹(&amp;N)</translation></message>
</context>
</TS>
