<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ug" sourcelanguage="zh_CN">
<context>
    <name>AccountsDialog</name>
    <message>
        <source>可用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已停用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作员账号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>角色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上次登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新增账号…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改角色…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重置密码…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>停用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>启用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改角色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}”的角色：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>停用账号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>停用“{0}”后，该账号不能再登录（记录保留，可以重新启用）。停用吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未修改</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivitiesPage</name>
    <message>
        <source>全部类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部成效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有“{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入台账…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>成效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>参与队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时长合计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 {0} 条记录。{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>合计：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除工作记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除所选工作记录？其成效、时长和积分将不再计入。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivityForm</name>
    <message>
        <source>新增工作记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如：在中山路路口劝导不戴头盔、逆行等交通违法行为</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>成效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>参与队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存（Ctrl+Enter）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>复制上一条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>清空</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（不填）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改工作记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>还没有可复制的记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已复制上一条，请核对日期和成效后保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已保存</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminCheckDialog</name>
    <message>
        <source>设置管理员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>管理员确认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>管理员用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>再次输入密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>使用本程序</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}需要一个管理员账号。
请设置第一个管理员：以后每次启动都要登录，由管理员添加其他操作员的账号。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}需要管理员再次输入密码确认，此操作将记入操作日志。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 李所长；可不填</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>需要管理员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}只能由管理员办理。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AskPasswordDialog</name>
    <message>
        <source>确定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>安排人员：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>带班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>锁定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消安排</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设为带班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>替班…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>换班…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本班次人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>锁定（自动排班时保留）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>安排</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>可安排的队员（红色：不能安排，橙色：有提示）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已锁定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>需 {0} 人，已排 {1} 人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>缺 {0} 人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>解锁</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先在右侧选择一名可以安排的队员。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>排班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确定取消{0}在本班次的安排吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}：{1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttendanceDialog</name>
    <message>
        <source>到岗 如 19:40</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>离岗 如 22:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0:g} 小时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请同时填写实际到岗和离岗时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>到岗时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>离岗时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签到：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;默认全部“已到”，只需改动缺勤、迟到或请假的队员；迟到须填写实际到岗、离岗时间。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>考勤</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>实际到岗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>实际离岗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时长</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本班次没有安排人员。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部已到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <source>队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请假</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>岗位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>班次规律</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>班次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>排班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>换班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>回访记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证书模板</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>节假日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作员账号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作日志</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（设置时）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>记录编号（32位）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>记录编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>摘要</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>归档过期日志…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（未登录）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 {0} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（显示最近的 {0} 条）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>超过保留期限（{0}个月）的 {1} 条可以归档</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有超过保留期限（{0}个月）的日志</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>归档操作日志</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>把 {0} 之前的 {1} 条操作日志写入一个 Excel 文件，核对无误后从数据文件中移出。
请把归档文件妥善保管（如刻盘或存入档案U盘）。继续吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存归档文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作日志归档-{0}.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未归档</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已归档</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已把 {0} 条操作日志归档到：
{1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AutoScheduleDialog</name>
    <message>
        <source>自动排班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已锁定的安排（手工安排默认锁定）和已登记考勤的安排会保留；其余未锁定的安排会重新排。已开始的班次不再调整。缺少的班次按岗位的班次规律自动生成。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>开始排班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未排满的班次及原因：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>岗位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>缺</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>各规则排除人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期间：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结束日期不能早于开始日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在排班…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已取消，没有保存任何改动。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已排 {0} / 需 {1} 人次（本次新排 {2}，保留 {3}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>仍缺 {0} 人次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>，已全部排满</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新生成班次 {0} 个，用时 {1:.1f} 秒。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>备份数据到…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据备份 (*.db)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据已备份并校验无误：
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择要恢复的备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>恢复数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>恢复完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据已从备份恢复。恢复前的数据保存在：
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份到U盘</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>带出电脑的备份需要加密。请先由管理员设置备份密码。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设置备份密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份密码已设置。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据备份 (*.db *.7z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>将用备份“{0}”替换当前全部数据。
当前数据会原样保留在备份文件夹中（恢复前备份）。
确定要恢复吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请输入备份密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>恢复加密备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}”是加密备份，请输入备份密码：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（原来没有数据）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据库服务器备份 (*{0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据在数据库服务器上：请用“备份…”写出服务器备份（.dump），或请服务器管理员备份。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>将用备份“{0}”替换服务器上的全部数据。
其他电脑上打开的窗口会断开连接，需要重新打开。
当前数据库会原样保留在服务器上（改名保存）。
确定要恢复吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据已从备份恢复。恢复前的数据保存在服务器上的数据库：
{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <source>批量签发证书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 小时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不限星级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}及以上</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查找</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本年时长（小时）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全不选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择队员（在队）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时长不少于</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 2024年度护学岗志愿服务工作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>指定期间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>模板</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>荣誉称号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表彰事由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签发日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>合成一个PDF文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>每人一个文件（存入文件夹）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择保存位置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存为</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>开始签发</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 {0} 人，已选 {1} 人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（默认）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不指定时：聘期自签发日期起三年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不指定时：有效期自签发日期起三年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不指定时：每人自首次登记服务之日至签发日期；没有登记时长的队员将被跳过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>批量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择保存证书的文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先查找并勾选要签发的队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写荣誉称号，例如“优秀义警”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在签发：{0}（{1}/{2}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>批量签发{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已签发 {0} 份证书，保存在：{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有签发任何证书。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>；跳过 {0} 人（见下）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}：{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>批量签发</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（没有签发任何证书）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已取消，没有签发任何证书。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在查找队员</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BodiesDialog</name>
    <message>
        <source>调解组织与民警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人民调解案件属于所选的人民调解委员会：其文书以调委会名义出具、加盖调委会印章，编号为“（年）X人调字第N号”；治安调解案件以本派出所名义办理，编号前缀在“文件 → 单位信息”中设置。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解组织名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编号前缀</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编号示例</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>默认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>印章</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新增调解组织</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 夏普吐勒镇人民调解委员会、夏普吐勒派出所驻所人民调解室</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 夏人调</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>默认（新受理的人民调解案件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择印章图片…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>去掉印章</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>名称 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编号前缀 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>印章图片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新增</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存调解组织</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>归入所选调委会（编号不变）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本所民警（治安调解的主持人从中选择）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>每行一名民警，如：买合木提·吐尔逊</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存民警名单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>是</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>停用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有 {0} 件人民调解案件尚未指定调委会（本系统启用调委会前受理）；其文书须以调委会名义出具。请在上表中选择调委会后归入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改调解组织：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已有印章</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无印章</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编号如：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择印章图片（透明背景PNG）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>将使用新选的印章</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存后去掉印章</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不能保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>归入调委会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先在上表中选择一个调委会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>把 {0} 件尚未指定调委会的人民调解案件归入“{1}”？案件编号保持不变，此后其文书以该调委会名义出具。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已归入 {0} 件。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CandidateModel</name>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本周已排</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未分队</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（本队）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>可以安排</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CandidatePicker</name>
    <message>
        <source>查找：姓名 / 拼音 / 首字母</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只看本队</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>可安排 {0} / 共 {1} 人</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Card</name>
    <message>
        <source>点击查看明细</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <source>基本情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>协议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>回访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>流程</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除案件…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登记新纠纷</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新案件：保存后即受理登记，自动编号并计算办理期限。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先保存（受理登记）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>纠纷案件：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（已删除）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;{1}{5}状态：&lt;b&gt;{2}&lt;/b&gt;{5}{3}{5}办理期限：{4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不能保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>基本情况/协议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不能删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未保存的修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>以下内容有修改尚未保存：{0}。要保存吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调查记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>待{0}文书出具后3个工作日内</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人民调解 · 未指定调委会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>治安调解</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人民调解 · {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确定删除案件“{0}”吗？
编号不会再分配给其他案件，删除后可在“文件 → 回收站”中恢复。
删除原因（可不填）：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseForm</name>
    <message>
        <source>请选择</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 夏普吐勒镇3村</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解类型 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>纠纷类别 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件来源 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受理时间 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>纠纷地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>简要案情</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>主要事实及争议事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>责任认定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>治安调解</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>空白时为本单位名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解机关</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案发时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案发地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件起因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件经过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件后果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>每条一行，如：1. 被申请人于2024年10月20日前赔偿申请人3500元。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 3500 或 3500.50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 现金一次性支付</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>协议内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>协议金额（元）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>履行方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>履行地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>履行期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>协议份数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>协议日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>协议日期空白时，案件转为“调解成功”之日自动填写。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>大写：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人民调解</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人民调解的文书以所选人民调解委员会的名义出具并加盖其印章；受理登记后不能更改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>申请人的申请事项，每项一行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人民调解委员会 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>申请事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当事人同意延期的日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>延长至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人民调解一般在一个月内调结；当事人同意继续调解的，记录同意的日期和延长后的期限。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择（第三条所列行为）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>双方当事人同意治安调解</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>治安调解在公安机关的主持下进行，主持人从本所民警中选择（纠纷调解 → 调解组织与民警）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不需要</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>每人一行：姓名，单位或身份（如 热合曼·艾山，3村村委会委员）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案由 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>主持人（民警）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>伤情鉴定/价值认定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>鉴定/认定文书出具日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>情节</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其他在场人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有此情形：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不适用情形（第四条）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>口头协议（不制作书面协议书，打印口头协议登记表）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>司法确认（《人民调解法》第三十三条：协议生效之日起三十日内双方共同申请）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 伽师县人民法院</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚无结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共同申请日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受理法院</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>卷宗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>立卷的调解员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>立卷人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>立卷日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保管期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>双方当事人各执一份，调解机关留存一份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当事人各持一份，人民调解委员会留存一份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一式{0}份（{1}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受理登记后调解类型不能更改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（已停用的调委会）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（尚未指定）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（请先在 纠纷调解 → 调解组织与民警 中登记）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CasesTab</name>
    <message>
        <source>（超期）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（预估）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查找：案件编号 / 当事人姓名 / 拼音 / 首字母</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受理日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只看超期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登记新纠纷</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出到U盘…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印登记表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 {0} 件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不能删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印登记表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当前列表中没有案件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>纠纷案件登记表-{0}.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印案件登记表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>可申请司法确认至{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}（未指定调委会）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解组织与民警…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人民调解委员会（名称、编号前缀、印章）和主持治安调解的本所民警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文书措辞…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>各调解文书中固定条款的措辞（管理员可修改、恢复默认）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查看摘要</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件摘要</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确定删除案件“{0}”吗？
编号不会再分配给其他案件，删除后可在“文件 → 回收站”中恢复。
删除原因（可不填）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查找案件</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Certificates</name>
    <message>
        <source>聘期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>服务期间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有效期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期间</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CertificatesTab</name>
    <message>
        <source>批量签发…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>模板与印章…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签发证书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证书登记簿</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>修改密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>再次输入新密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountyTab</name>
    <message>
        <source>各单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作简报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入数据包…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包超过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未报送时标红</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>最新数据包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在队队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本月服务时长</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本月工作记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在办案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>超期案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>今年证书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保险将到期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同一身份证号在多个单位登记的人员：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证书核验：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证书上的验证码或编号，任何单位签发的都可核验</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>核验</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在读取各单位的数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第{0}号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>合计（{0}个单位）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已 {0} 天没有新的数据包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（无）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>核验证书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不存在：没有任何单位签发过这个验证码或编号的证书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}：{1} {2}，{3}，持证人 {4}（{5}），签发日期 {6}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2026-11、2026-Q4 或 2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查询</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在查询各单位的台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>成效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时长</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受理日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办理期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>称号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签发日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>验证码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 {0} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>统计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存为 .json…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在汇总工作简报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>指标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>合计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}（小时）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>矛盾纠纷（件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解成功率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存县局工作简报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>县局工作简报-{0}.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在保存工作简报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未保存：{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Curtain</name>
    <message>
        <source>已锁定</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <source>在队队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本周班次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本月服务时长（小时）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本月工作记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在办纠纷</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>超期纠纷</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>今年发出证书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>今天是 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>花名册共 {0} 人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其中 {0} 个班次人手不足</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人手均已排满</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已过办理期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>执勤前须投保意外险</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}年放假安排尚未录入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}年肉孜节、古尔邦节放假安排尚未录入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;。录入之前，放假、值班和办理期限按预估计算，排班表和期限旁标有“预估”。&lt;a href=&apos;{1}&apos;&gt;现在录入（设置 → 节假日安排）&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>可申请司法确认的调解协议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>另有 {0} 件人民调解案件未指定调委会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>协议生效之日起三十日内，双方可共同向人民法院申请</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未来一周人手不足的班次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>意外保险已过期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>意外保险30天内到期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>资质已过期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>资质30天内到期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>近十二个月工作趋势</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>开始使用，请按顺序：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 建队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 录入队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 设岗位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 排班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本周还没有班次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先设岗位并排班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未来7天共 {0} 个班次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未来7天没有班次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请提醒续保</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>需要该资质的岗位不能安排</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请安排复训</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本月工作成效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本月工作记录（按类别）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本月工作记录（按队伍）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本月还没有工作记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未填队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作记录（条）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>首页数字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>首页趋势</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>显示其余 {0} 项…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>读取明细</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <source>每次调解的经过与结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解后的回访情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印原件：含完整身份证号、电话、住址（需管理员确认）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部调解记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第{0}次（{1}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当事人申请调解时填写、签名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受理时登记，经当事人同意，当事人签名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解前告知当事人的权利和义务，当事人签名（必须）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调查了解纠纷事实的记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一式多份，当事人签名、按指印，加盖印章</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当事人采取口头协议方式时，记录协议内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结案时填写</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>封面、卷内目录（页号）、全部文书、封底，一个PDF，供归档</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一页：案情、办理经过、结果、回访（本所工作用）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>适用于申请书、协议书、口头协议登记表和卷宗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文书以本案的人民调解委员会（治安调解为本派出所）名义出具。身份证号、电话和住址默认隐去部分数字；打印前会先保存表单中的修改。每次打印都记入操作日志。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚不能打印：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印含完整身份信息的{0}原件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>生成卷宗</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message>
        <source>{0}：共 {1} 条</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrivePicker</name>
    <message>
        <source>刷新</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择文件夹…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U盘</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>位置：{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>程序遇到了意外错误，刚才的操作没有完成。
已经保存的数据不受影响（以最后一次保存为准）。
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>错误详情已写入日志：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>错误详情已写入日志。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>程序出错</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventsDialog</name>
    <message>
        <source>证书记录：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}&#x3000;{1}&#x3000;{2}&#x3000;状态：{3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FairnessDialog</name>
    <message>
        <source>排班公平性</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>班次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时长（小时）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>夜班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>节假日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>近四周时长</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>平均</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>与平均差</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期间：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>近四周时长：所选期间之前四周加本期间的值班时长（已到按实际，已排按计划）。与平均差为正表示比平均多，红色为明显偏多，蓝色为偏少。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 {0} 人，本期有值班 {1} 人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>；本期时长最多 {0:g} 小时，最少 {1:g} 小时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>；近四周平均 {0:g} 小时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在统计公平性</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpsPanel</name>
    <message>
        <source>回访记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>回访日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>履行情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>满意度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>矛盾激化迹象</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>回访人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无则不填；如有，写明情况并及时报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>回访日期 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>回访情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 邻里纠纷调解协议履行情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>针对回访发现的问题采取的措施，如 督促履行、再次调解、报告派出所</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>回访事由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>采取的措施</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Hints</name>
    <message>
        <source>如 2024-10-08 或 2024.10.8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 2024-10-08 09:30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 2023-09-01 或 2023.9.1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HolidaysDialog</name>
    <message>
        <source>节假日安排</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>国务院办公厅通知</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自治区通知（肉孜节、古尔邦节）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本单位的放假或上班日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>放假通知</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>学校假期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>粘贴通知全文：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>把《国务院办公厅关于××××年部分节假日安排的通知》（或自治区人民政府的通知）全文复制到这里，再点“读取通知”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>读取通知</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改所选日期（点日历上的某一天）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚未选择日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>休（放假）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>班（调休上班）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不在安排中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>节日名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如：春节、古尔邦节</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改这一天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确认保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}年 {1}：&lt;b&gt;尚未保存&lt;/b&gt;（休 {2} 天，班 {3} 天）。核对日历后点“确认保存”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}年 {1}：&lt;b style=&apos;color:#b07800&apos;&gt;尚未录入&lt;/b&gt;，日历中的放假日期是预估的（斜纹、标“预”），程序按预估计算值班和办理期限。请粘贴通知全文。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}年 本单位自定的放假或上班日：{1} 天。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}年 {1}：已录入并确认（休 {2} 天，班 {3} 天）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本单位目前不计入肉孜节、古尔邦节（可在“文件 → 单位信息”中更改），此处录入的日期不影响本单位的值班和办理期限。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;background:{0}; color:{1}&apos;&gt;&amp;nbsp;休&amp;nbsp;&lt;/span&gt; 放假&#x3000;&lt;span style=&apos;background:{2}; color:{3}&apos;&gt;&amp;nbsp;班&amp;nbsp;&lt;/span&gt; 调休上班&#x3000;&lt;span style=&apos;color:#b07800&apos;&gt;预&lt;/span&gt; 预估（通知尚未录入）&#x3000;&lt;span style=&apos;color:{4}&apos;&gt;▁&lt;/span&gt; 学校放假（寒暑假）&#x3000;&lt;span style=&apos;color:#7b3fb5&apos;&gt;┆&lt;/span&gt; 本次手动修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有尚未保存的修改，放弃这些修改吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有找到放假日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>通知未能完整读取，未作任何修改：
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已读取 {0}年：休 {1} 天，班 {2} 天。请在日历上核对，需要时修改某一天，再点“确认保存”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>以下节日不属于此类通知，未读入：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本单位安排</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}月{1}日本是工作日，不能标为调休上班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写节日名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有需要保存的修改。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>把日历上的{0}年安排（{1}）作为已确认的安排保存吗？
值班、护学岗和办理期限将按它计算。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不能保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}年的安排已保存：休 {1} 天，班 {2} 天。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
{0} 件案件的办理期限已按新安排重新计算。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>退出程序</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退出后，打开着的窗口中尚未保存的内容将会丢失。确定退出吗？</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>{0}（新建）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入花名册</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择 Excel（.xlsx）或 CSV 文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份证号已登记的队员：用表中信息更新（不勾选则跳过）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>列对应（已按表头自动识别，可手动调整）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>行号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入可导入的行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存导入报告…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不导入，关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择要导入的文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>花名册 (*.xlsx *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法读取</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法读取这个文件：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（无表头）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在检查每一行…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 {0} 行：新增 {1}，更新 {2}，跳过 {3}，拒绝 {4}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 将新建队伍：{0}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入可导入的 {0} 行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>，新建队伍：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入完成：新增 {0}，更新 {1}，跳过 {2}，拒绝 {3}{4}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存导入报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入报告.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已取消，数据库没有任何改动。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名各部分之间是空格的（如“阿依古丽 买买提”），按建议改为“·”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不勾选时这些行不导入，原因中给出建议的写法，请核对身份证后再勾选。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>（不导入）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntegrityCheck</name>
    <message>
        <source>数据文件检查</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InvestigationsPanel</name>
    <message>
        <source>调查记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调查时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>被调查人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调查人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名及身份，如 吐尔逊·买买提（邻居）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调查的调解员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调查时在场的其他人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问：……
答：……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调查时间 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调查地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>被调查人 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>记录人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在场人</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssuePanel</name>
    <message>
        <source>如 2024年度护学岗志愿服务工作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>空白时写“本年度义警志愿服务工作”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>空白时为当前操作员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证书类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>模板</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>荣誉称号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表彰事由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>服务记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>经办人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签发日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>预览不编号、不登记；签发后生成编号和验证码，记入登记簿，并打开打印预览。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>预览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签发</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（默认）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先选择队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结束日期不能早于开始日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所选期间没有登记的服务时长，不能出具志愿服务证明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>累计 {0} 小时：{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先查找并选择一名队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>预览{0}（未签发）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已签发{0}：{1}，验证码 {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>简体中文</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>维吾尔语</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeavePanel</name>
    <message>
        <source>开始日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事由，如 外出务工、生病</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登记请假</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除所选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>到</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LedgerImportDialog</name>
    <message>
        <source>导入工作台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择工作台账（.xlsx 或 .csv）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>列对应（可修改）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>行号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>参与队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>成效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原因与说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重新检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存导入结果…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择工作台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel 或 CSV (*.xlsx *.xlsm *.csv);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年份：{0}；表头在第{1}行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（标题中没有）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（无表头）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>检查工作台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>可导入 {0} 条，跳过 {1} 条，拒绝 {2} 条（拒绝的行不会导入，请改正后重新导入）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导入 {0} 条，跳过 {1} 条，拒绝 {2} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导入 {0} 条工作记录。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存导入结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>台账导入结果.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel 文件 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>已锁定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>义警服务队管理系统</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>长时间无操作，窗口已锁定，未保存的内容都还在。请输入“{0}”的密码继续。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这是演示数据文件夹：演示账号（管理员、录入员、查看）的密码均为 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>解锁</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退出程序</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这个数据文件夹还没有可用的账号，请联系管理员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请稍候（{0}秒）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>首页</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队员花名册</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>排班值班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>纠纷调解</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证书打印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>恢复…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位信息…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设置(&amp;S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>节假日安排…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>语言(&amp;L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关于</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未设置单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据文件：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上次备份：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚未备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}（尚无译文）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>语言</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>界面语言将在重新启动程序后改变。
文书（调解协议书、证书、值班表等）始终为中文。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;{0}&lt;/h3&gt;&lt;p&gt;版本 {1}&lt;br&gt;构建日期：{2}&lt;/p&gt;&lt;p&gt;供派出所、警务室管理义警队伍使用的离线桌面程序：花名册、排班值班、纠纷调解、证书、工作记录。&lt;/p&gt;&lt;p&gt;数据文件夹：{3}&lt;/p&gt;&lt;p&gt;界面与文书字体：文泉驿微米黑、文鼎明体、文鼎楷体（随程序附带，许可证见 resources/fonts）。&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份到U盘…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设置备份密码…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据(&amp;D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>切换用户…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>注销</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>账号(&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改密码…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作员账号…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作日志…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>安全与个人信息…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当前操作员：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>节假日安排</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>节假日安排由管理员录入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码已修改，下次登录请使用新密码。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>回收站…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>使用手册</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>义警服务队管理系统使用手册.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>县局汇总</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出数据包…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入数据包…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出参考数据包…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入参考数据包…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出县局公钥…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MediatorsPanel</name>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所属队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>角色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改角色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除所选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所选人员改为</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加民警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>民警姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从花名册添加义警队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查找在队队员：姓名 / 拼音 / 首字母（空白时列出有调解技能的队员）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>技能</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加所选队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>义警队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>民警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先在列表中选择一名队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确定把“{0}”从本案调解人员中删除吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不能删除</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemberCompletion</name>
    <message>
        <source>查找队员</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>基本信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新增队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队员：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>服务记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请假/不可用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未保存的修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队员信息有修改尚未保存。要保存吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已保存“{0}”（{1:%H:%M}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确定从花名册中删除“{0}”吗？
删除后其值班、服务时长等记录仍然保留，可在“文件 → 回收站”中恢复。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemberForm</name>
    <message>
        <source>18位，末位可为X</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有身份证号时自动填写</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>11位手机号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其他技能，用顿号分隔</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无照片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择照片…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>清除照片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>性别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>民族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>住址/村</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>职业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>政治面貌</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所属队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>入队日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>离队日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>意外险到期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>紧急联系人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>紧急联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>技能</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（未分队）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>出生 {0} · {1}{2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择照片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>图片 (*.png *.jpg *.jpeg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>照片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>照片文件太大，请选择不超过2MB的图片。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队员同意本单位为义警工作处理其个人信息的日期（个人信息保护法）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同意处理个人信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同意方式</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemberPicker</name>
    <message>
        <source>查找队员：姓名 / 拼音 / 首字母 / 手机或身份证尾号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>找到 {0} 人，只列出前 {1} 人；请输入更多字</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>数据文件的结构版本为 {version}，比本程序支持的 {latest} 新，请升级程序。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份文件校验失败: {problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不是有效的案件编号：“{text}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写案件编号前缀，如“夏派调”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件编号前缀不能超过{max_prefix_length}个字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件编号前缀只能由文字组成，如“夏派调”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法识别的日期“{text}”，请写成 2024-04-13 或 2024年4月13日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年份{year}超出范围（{first_year}–{last_year}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期不存在：{year}年{month}月{day}日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法识别的日期“{shown}”，请写成 2024-04-13 或 2024年4月13日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{year}年只有{weeks_in_year}周</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法识别的周“{text}”，请写成 2024-W15</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未知的民族代码“{code}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择民族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未知的民族“{value}”，请从列表中选择</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>性别请选择“男”或“女”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法读取：“{sentence}”（{reason}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{month}月{day}日不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结束日期早于开始日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>放假时间超过40天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共{count}天与所列日期（{days_count}天）不符</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{clause}”前没有放假日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有说明放假还是上班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>句式无法识别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法确定是哪一年的安排，请保留通知标题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有找到“一、元旦：……”这样的节日条目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{heading}：{sentence}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{heading}：{body}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有找到放假日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{month}月{day}日既放假又上班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{month}月{day}日本是工作日，不必调休上班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请把该列设为“文本”格式后重新填写号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写身份证号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这是15位旧身份证号码，请换成18位号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份证号码应为18位，现在是{number_count}位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份证号码只能由数字组成，仅最后一位可以是X</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>号码中的出生日期（第7至14位）不是有效日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>号码中的出生年份不合理，请核对号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>校验位错误，请核对号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>号码中的出生日期晚于今天，请核对号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>出生日期与身份证号码不符（号码中为{birth_date}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>性别与身份证号码不符（号码中为{gender}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份证号码被Excel存成了数字，末几位可能已经丢失；{retype}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份证号码被Excel显示成了科学计数法（如6.50102E+17），末几位已丢失；{retype}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份证号码被Excel存成了数字（末尾多了“.0”），末几位可能已经丢失；{retype}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份证号码末三位为000且校验不通过，多半是Excel把号码存成数字后丢失了末几位；请核对原始号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不是有效的金额：“{amount}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>金额不能为负数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>金额不能达到一万亿元</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名不能超过{max_name_length}个字（现在是{name_count}个）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名中不能有数字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>中文姓名中间不能有空格，各部分之间请用“·”隔开</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名中不能有“{ch}”，只能用文字和间隔号“·”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写手机号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>手机号码应为1开头的11位数字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写电话号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>电话号码格式不对：手机为1开头的11位数字，固定电话如 0998-1234567</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>角色应为 管理员 / 录入员 / 查看</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码至少{min_password_length}位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该用户名已存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用户名或密码不对</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该账号不是管理员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所选文件不是本系统的数据备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所选备份由更新版本的程序写入，请先升级程序</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>纠纷类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受理时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受理时间不能晚于今天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>简要案情</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>主要事实及争议事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>责任认定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>协议内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>履行方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>履行地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解机关</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案发地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件起因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件经过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件后果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>主持人：{message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>协议金额应为数字，如 3500 或 3500.50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>协议金额不能为负数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>协议金额过大，请核对</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>协议份数应为整数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>协议份数应在1至{max_copies}份之间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>协议日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>履行期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>协议日期不能早于受理日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>协议日期不能晚于今天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>履行期限不能早于协议日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案发时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案发时间不能晚于受理时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚未登记当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当事人“{name}”未满18周岁，请登记其监护人（达成协议前必须登记）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已超过办理期限（{deadline}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本案尚无调解记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本案只有{count}次调解记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本案尚无回访记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚未填写协议内容，无法打印调解协议书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当事人“{missing}”未满18周岁，须先登记其监护人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结束日期不能早于开始日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所选范围内没有案件，没有导出任何文件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}不能超过{limit}个字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写{label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}：{message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时间不存在：{hour}:{minute:02d}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择{label}：{choices}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件已删除，请先恢复后再修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当事人身份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>出生日期不能晚于今天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该身份证号码已登记为本案当事人“{twin_name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年龄应为整数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年龄不合理，请核对</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年龄与出生日期不符（应为{derived}岁）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>住址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>职业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择由其监护的本案当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>监护人不能监护自己</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>被监护人不能是另一名监护人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>监护人应年满18周岁</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>此人本身登记有监护人，不能再作为监护人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>此人是本案其他当事人的监护人，不能改为其他身份；请先修改被监护关系</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先删除或修改其监护人“{guardian_name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当事人列表已变化，请刷新后重试</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解员角色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择一名义警队员，或填写民警姓名（二者选一）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所选队员不存在或已删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{member_name}”已是本案的{role}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{officer}”已是本案的{role}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解时间不能晚于今天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解时间不能早于受理日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>回访日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>回访日期不能晚于今天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>回访日期不能早于受理日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>履行情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>满意度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>矛盾激化迹象</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>回访人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件尚在“{status}”阶段，调解结束后才能登记回访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未知的案件状态“{to_status}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件已处于“{to_status}”状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件已“{from_status}”，不能再转为“{to_status}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不能从“{from_status}”直接转为“{to_status}”；当前只能转为：{allowed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>开始调解前请至少登记一名当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先填写调解协议内容（口头协议请勾选“口头协议”并记录协议内容）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当事人“{name}”未满18周岁，达成协议前须登记其监护人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写终止调解的原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结案前请至少登记一次回访记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>说明不能超过{max_note_length}个字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件已删除，请先恢复后再办理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>，{note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text}（已超期{days}天{estimate}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text}（今天到期{estimate}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text}（还剩{days}天{estimate}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存位置不存在：{target_dir}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队员不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>合并为一个文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{issued_count}份证书已签发，但文件未能写入：{message}已签发的证书可在证书登记簿中补打。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该队员已删除，不能签发证书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该队员已退出，不能签发{cert_type}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>荣誉称号不能超过{max_title}个字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事由不能超过{max_reason}个字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写荣誉称号，例如“优秀义警”或“金牌调解员”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证明的服务期间不能晚于出具日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该队员在所选期间没有登记的服务时长，不能出具志愿服务证明（证明只依据已登记的值班、活动和培训记录免费出具）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>模板“{name}”的措辞有误，请在模板中修改：{problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先在“单位信息”中填写单位名称，再签发证书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所选证书模板不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所选模板是{type}模板，不能用于{cert_type}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所选队员不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证书不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择要补打的证书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证书{serial}已作废，不能补打</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写作废原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作废原因不能超过{max_void_reason}个字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证书{serial}已经作废</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先在“单位信息”中填写单位名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证书类别应为 {types}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>措辞不能为空</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>花括号不成对：占位符应写成 {name} 这样的形式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写模板名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>模板名称不能超过{max_template_name}个字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>边框样式应为 {styles}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>模板的证书类别不能更改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>默认模板不能删除；请先把另一个模板设为默认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>印章图片应为透明背景的 PNG 文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}”没有保存：磁盘或U盘的空间已满。请腾出空间或换一个位置后重新保存。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}”没有保存：保存位置的文件夹已不存在，或U盘已被拔出。请重新选择保存位置。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}”没有保存：没有写入该位置的权限（也可能是U盘打开了写保护，或同名文件正在Excel/WPS 中打开）。请关闭该文件或换一个位置后重新保存。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}”没有保存：写入后读回的内容与原内容不一致，存储设备可能有故障。请换一个位置后重新保存。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}”没有保存（{detail}）。请检查保存位置后重新保存。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>写入失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>通知中没有属于“{layer_names_layer}”的放假日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未知的节假日类别“{layer}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{year}年的安排中没有放假日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{month}月{day}日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}出现了两次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{year}年{label}不属于{year_}年的安排</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}只能是“休”或“班”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}本是工作日，不能标为调休上班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}的节日名称不能超过{max_name_length}个字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}的节日名称含有无法保存的字符</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>通知中没有找到放假日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写单位名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位名称不能超过100个字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写案件编号前缀，例如“夏派调”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编号前缀只写简称，例如“夏派调”，不含数字、括号和“字”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不能直接读取旧版 .xls 文件，请在 Excel 或 WPS 中“另存为” .xlsx 后再导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只能导入 .xlsx 或 .csv 文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>找不到文件：{path_name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法读取文件“{path_name}”，它可能已损坏或不是 Excel 文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法识别 CSV 文件的编码，请另存为 UTF-8 或 GBK 编码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作簿中没有名为“{sheet}”的工作表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{field}”对应了两列（{first}列和{second}列），请只保留一列</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有找到“姓名”列，请指定哪一列是姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>检查完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（已删除，可从已删除队员中恢复）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该身份证号码已登记为队员“{holder_name}”{where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>入队日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>离队日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>入队日期不能晚于今天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>离队日期不能早于入队日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>入队日期早于出生日期，请核对</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保险到期日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态应为 在队 / 暂停 / 退出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所选队伍不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>每项技能不超过10个字，多项之间用顿号分隔</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>政治面貌</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>紧急联系人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写开始日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写结束日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事由不能超过200个字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>与已登记的请假（{from_date}至{to_date}）重叠</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写队伍名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍名称不能超过{name_max}个字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已有同名队伍{note}，请换一个名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>成立日期：{message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>成立日期不能晚于今天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所选队长不存在或已删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队长必须是本队队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所选队长已退出，不能担任队长</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所属警务站</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>服务区域</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不能把队伍并入它自己</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍“{target_name}”已撤销，不能并入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍“{team_name}”已于{retired_on}撤销</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍“{team_name}”未撤销</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>班次不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该安排不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已登记考勤（{status}），不能再调整，请修改考勤记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>带班人员须是本班次的队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该队员不在这个班次上</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>换班事由不能超过{reason_max}个字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>两人在同一班次，无需换班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择两名不同的队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择另一名队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>班次尚未开始，不能登记考勤</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该队员不在本班次上</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>考勤状态应为 {attendance_statuses}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}：{status}的队员不填写实际时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}：迟到请填写实际到岗和离岗时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}：实际离岗时间应晚于到岗时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}：实际在岗时间超过24小时，请核对</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}：实际离岗时间晚于现在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无人具备有效的“{skill}”资质</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>符合条件的队员保险均已过期或未登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>符合条件的队员均在该日之后入队</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>符合条件的队员均在请假</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>符合条件的队员均与其他班次时间冲突</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>符合条件的队员均不满足两班之间至少休息 {hours:g} 小时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>符合条件的队员均已达每周上限（{most} 班）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在排班：第 {number}/{count} 个班次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>排班完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一次最多排 {max_period_days} 天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在读取班次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在读取已有安排</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据已读取</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在读取队员、岗位和已有安排</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}“{text}”无法识别，请写成 07:30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星期“{part}”无法识别，请用 1–7 表示周一至周日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请至少选择一天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星期应为 1–7（1 为周一）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人数应为整数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人数应在 1–{headcount_max} 之间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写岗位名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>岗位名称不能超过{name_max}个字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已有名为“{name}”的岗位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>岗位类别应为 {kinds}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>地点不能超过{place_max}个字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>开始时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结束时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>开始和结束时间应同时填写</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结束时间不能与开始时间相同</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所需技能不能超过{skill_max}个字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>生效日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>截止日期不能早于生效日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该队员已删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队员状态为“{status}”，只有“{active}”的队员可以排班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{join_date}才入队</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已安排在本班次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当日请假（{start}至{end}{why}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不具备岗位所需的“{skill}”资质</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{skill}”资质已于{expired}到期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{skill}”资质自{later}起才生效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{skill}”资质当日无效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未登记意外保险</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>意外保险已于{expires_on}到期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text}，不能参加{kind}勤务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text}，请尽快续保</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>与已排的“{other}”时间冲突</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>与“{other}”间隔仅 {gap_hours:.1f} 小时，少于最少休息 {min_rest_hours:g} 小时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本周已排 {shifts_in_week} 班，再排将超过每周上限 {max_per_week} 班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本班次已满员（{filled}/{headcount}人）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一段学校假期不能超过{max_vacation_days}天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>与已有的学校假期（{a}至{b}）重叠</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出已取消，已写入的文件已删除。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>缺少{manifest_name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>缺少文件：{name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件内容与清单不符：{name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件“{name}”写入后读回校验不一致，U盘可能有故障，导出未完成。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U盘空间不足，导出未完成，已写入的文件已删除。请腾出空间或换一个U盘后重新导出。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U盘处于只读状态（可能打开了写保护开关），无法写入。请关闭写保护后重新导出。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有写入该位置的权限，导出未完成。请选择其他文件夹或U盘。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U盘已被拔出或无法写入，导出未完成。请重新插好U盘后再导出一次。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>写入U盘失败（{reason}），导出未完成。请检查U盘后重新导出。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出位置不存在或无法访问（U盘可能已被拔出），请重新选择。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{manifest_name}读回校验不一致，U盘可能有故障，导出未完成。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U盘空间不足：需要约{needed}，剩余{free}。请腾出空间或换一个U盘。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>花括号不成对：占位符应写成 {body} 这样的形式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（本条不使用占位符）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>此处不能使用占位符 {{{name}}}，可用：{usable}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写编号前缀，如“夏人调”（编号为“（2026）夏人调字第001号”）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编号前缀只能由文字组成，不超过{limit}个字，如“夏人调”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写调解组织名称，如“夏普吐勒镇人民调解委员会”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>名称不能超过{limit}个字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>名称应为人民调解委员会（或人民调解室）的全称，如“夏普吐勒镇人民调解委员会”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编号前缀与本所治安调解编号前缀“{prefix}”相同：人民调解与治安调解须分别编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所选调解组织不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已有名为“{name}”的调解组织</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编号前缀“{prefix}”已由另一个调解组织使用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该调解组织已有案件编号，编号前缀不能再更改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所选调解组织不存在或已停用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}”：{message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>最多登记{limit}名民警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解类型在受理登记后不能更改：编号“{number}”已编入{kind}的编号序列。登记有误的，请删除本案（编号保留、不再使用）后重新登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind}的案件来源</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>申请事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受理法院</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>情节</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其他在场人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>立卷人：{message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>立卷日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>立卷日期不能晚于今天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保管期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>治安调解达成协议的，应当制作治安调解协议书（《公安机关治安调解工作规范》第十条），不能采用口头协议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exclusion}（第四条第（{ordinal}）项）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有《公安机关治安调解工作规范》第四条所列情形：{items}，不适用治安调解。应当依法处理；不构成违反治安管理行为的民间纠纷，可以告知当事人申请人民调解（按人民调解登记）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未知的情形：{unknown}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案由“{offence}”不属于《公安机关治安调解工作规范》第三条所列可以治安调解的行为（{offences}）：应当依法处理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>鉴定/认定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>鉴定/认定文书出具日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先选择需要伤情鉴定还是价值认定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>鉴定/认定文书出具日期不能早于受理日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>鉴定/认定文书出具日期不能晚于今天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先在“纠纷调解 → 调解组织与民警”中登记本所民警，再选择主持人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>治安调解由民警主持（《公安机关治安调解工作规范》第二条）：“{host}”不在本所民警名单中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调委会在受理登记后不能更改：本案编号已编入该调委会的编号序列</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所选人民调解委员会不存在或已停用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同意延期的日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>延长后的期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当事人同意延期调解的，请同时填写同意日期和延长后的期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同意延期的日期不能早于受理日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同意延期的日期不能晚于今天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>延长后的期限应晚于一个月的调解期限（{deadline}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>延长后的期限不能早于同意日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>申请司法确认的日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>司法确认结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>司法确认须有书面调解协议，口头协议不能申请</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解协议生效后才能申请司法确认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>申请日期不能早于调解协议生效日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>司法确认应自调解协议生效之日起三十日内共同申请（《人民调解法》第三十三条），本案申请期限至{until}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>申请日期不能晚于今天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写受理申请的人民法院</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写双方共同申请司法确认的日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先登记人民调解委员会及其案件编号前缀（纠纷调解 → 调解组织与民警），再受理人民调解案件：人民调解协议书须以调委会名义出具并加盖其印章（《人民调解法》第二十九条）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本案尚未指定人民调解委员会：人民调解的文书须以调委会名义出具并加盖其印章（《人民调解法》第二十九条），请在“基本情况”中选择调委会（编号不变）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件来源“{source}”不是{kind}的来源，请核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当事人“{name}”不满十六周岁：调解时应当通知其父母或者其他监护人到场（《公安机关治安调解工作规范》第八条）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解协议于{agreed}生效：双方当事人认为有必要的，可于{until}前共同向人民法院申请司法确认（《人民调解法》第三十三条）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>需要{appraisal}：应当在{appraisal}文书出具后的3个工作日内完成调解（第九条），文书出具后请填写出具日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>首次调解晚于第九条规定的期限（{deadline}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>违法行为人在本所另有治安调解案件（{numbers}）：多次实施违反治安管理行为的，不适用治安调解（第四条第（四）项），请核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本案尚未指定人民调解委员会：人民调解的文书须以调委会名义出具并加盖其印章（《人民调解法》第二十九条），请先在“基本情况”中选择调委会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本案尚无调查记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>治安调解不使用人民调解申请书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚未记录口头协议的内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>治安调解须制作治安调解协议书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本案不是口头协议：请打印调解协议书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本案为口头协议：请打印人民调解口头协议登记表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结案后才能填写结案报告表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有编号为“{number}”的案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调查时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调查时间不能晚于今天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调查时间不能早于受理日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调查地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>被调查人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调查人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>记录人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在场人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调查记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写被调查人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind}当事人的身份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>治安调解在公安机关的主持下进行（《公安机关治安调解工作规范》第二条），主持人须为民警，义警队员不能担任；可作为调解员协助</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>待{appraisal}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>参加人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>治安调解一般为一次，必要时可以增加一次（《公安机关治安调解工作规范》第九条）：本案已调解{held}次，不能再增加。调解不成的，应当依法处罚，并告知当事人可以就民事争议依法向人民法院提起民事诉讼</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当事人“{missing}”不满十六周岁，调解时应当通知其父母或者其他监护人到场（《公安机关治安调解工作规范》第八条）：请先在“当事人”中登记其监护人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>回访事由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>采取的措施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有这一条款</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>措辞不能超过{limit}个字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按预估的放假安排计算</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择案由（《公安机关治安调解工作规范》第三条所列违反治安管理行为）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>治安调解须经双方当事人同意（第三条），请在“基本情况”中记录双方同意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>治安调解在公安机关主持下进行（第二条），请选择主持调解的民警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请登记违法行为人和被侵害人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当事人“{name}”不满十六周岁，调解时应当通知其父母或者其他监护人到场（第八条），请先登记其监护人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先在“单位信息”中填写治安调解案件编号前缀（如“夏派调”），再受理案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{prefix}”已是人民调解委员会的编号前缀：治安调解与人民调解须分别编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据文件含有本程序没有的结构步骤 {steps}，它由更新版本的程序写入，请升级程序。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第{item}项：{message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办理记录的时间不能早于受理时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办理记录的时间不能晚于今天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{figure}应为整数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{figure}应在0至{max_figure}之间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期不能晚于今天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>参加人员不能超过{limit}人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}”重复登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}”的服务时长</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队员“{name}”已删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队员“{name}”{join_date}才入队</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队员“{name}”已于{leave_date}离队</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}应为数字，如 2 或 1.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}应大于0且不超过{limit}小时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>培训名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写培训名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>培训日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>培训日期不能晚于今天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>培训学时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>授予资质</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有效期应为整数（月）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有效期应在1至{limit}个月之间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不授予资质的培训不填写有效期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>主办单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>培训内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>参训人员不能超过{limit}人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}”的学时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}”的学时不能超过培训学时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写资质（技能）名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>资质名称不能超过{limit}个字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取得日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有效期至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取得日期不能晚于今天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有效期不能早于取得日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来源应为 培训 / 手工</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>培训取得的资质请注明培训</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所选培训不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备注不能超过{limit}个字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>班次不存在或不在本批次的日期范围内</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本班次已有保存的安排，请保存后再登记考勤</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第{item}项：班次不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>金额过大，请核对</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}应为数字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}应在{low}–{high}{unit}之间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}应为整数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}中有无法保存的空字符（NUL），请删除后重新输入或粘贴</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}中有无法识别的字符（可能是复制时损坏的表情或生僻字），请删除后重新输入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在记录…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份文件校验失败：{problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在加密…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在读回校验…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{path_name}”读回校验不一致，存储设备可能有故障，请换一个位置重新备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{path_name}”不是本程序的加密备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{path_name}”是加密备份，请输入备份密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法打开加密备份“{path_name}”：密码不对，或文件已损坏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚未设置备份密码：请管理员先在“数据 → 设置备份密码…”中设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请输入备份密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份密码不对</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原备份密码不对</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份密码至少{min_length}位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份密码不超过{max_length}位，且不能含控制字符</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>荣誉称号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作废原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>模板名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>措辞</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上级单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>负责人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编号前缀</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>找不到备份文件：{source}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在复制备份…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在校验备份…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所选备份文件已损坏，不能恢复：{problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份校验无误</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件“{path_name}”有 {size_mb} MB，超过导入上限 {max_mb} MB。请只保留队员名单所在的工作表，或分成几个文件导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件“{path_name}”解压后有 {size_mb} MB，超过导入上限 {max_mb} MB（可能有内容极长的单元格）。请检查表格后另存再导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件“{path_name}”中的文字解压后有 {size_mb} MB，超过导入上限 {max_mb} MB（可能有内容极长的单元格）。请检查表格后另存再导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法读取 CSV 文件“{path_name}”：第{number}行格式有误（单元格可能超过 {max_chars} 字）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{path_name}”超过导入上限 {max_rows} 行（第{number}行还有内容）。请分成几个文件导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{path_name}”第{number}行有内容的列超过导入上限 {max_columns} 列（到 {last_column} 列）。请删除多余的列后再导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{path_name}”的 {cell} 单元格有 {length} 字，超过单元格上限 {max_chars} 字。请检查该单元格后再导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作表“{sheet}”的已用区域为 {used}，超过导入上限 {max_rows} 行、{max_columns} 列。表格中可能有远处的空白格被设置过格式：请把队员名单复制到一个新的工作表后再导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>技能</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>资质名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>岗位名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所需技能</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>是空的（0 字节）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
  ……等共 {count} 个</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据文件 {name} {state}，但数据文件夹中还保留着以前的数据：
{names}{more}
程序不会把它当作一个新单位打开，以免以前的数据被遮住。请用其中最新的完好数据恢复（启动时程序会提出；命令行用 restore）。
数据文件夹：{root}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据文件已损坏：{detail}
数据文件夹：{root}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据文件由更新版本的程序写入（数据结构第{version}版，本程序只认识到第{latest}版）。请安装新版本的程序后再打开；数据没有改动。
数据文件夹：{root}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据文件夹所在的磁盘已满（剩余 {free}），程序无法打开数据。数据没有损坏，也没有改动。
请删除不需要的文件或清空回收站，腾出至少 100 MB 空间后再打开本程序。
数据文件夹：{root}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有读写数据文件夹的权限，程序无法打开数据；数据没有改动。
请用平时使用本程序的系统账号登录，或请技术人员检查该文件夹的权限（也可能是U盘打开了写保护）。
数据文件夹：{root}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>找不到数据文件夹，或它所在的U盘、移动硬盘已被拔出（也可能是磁盘读写出错）。
请插回存放数据的U盘或移动硬盘后再打开本程序。
数据文件夹：{root}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据文件正被另一个程序使用（本程序的另一个窗口，或正在运行的命令行任务）。
请关闭它后再试；数据没有改动。
数据文件夹：{root}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未知</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件内容不是完好的数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据文件无法打开（{exc}）。数据没有改动；请联系技术人员。
数据文件夹：{root}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解组织名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>成效“{text}”中的“{words}”不是确切数字，请写明数字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>成效“{text}”中的“{words}”是一个范围，请写明确切数字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>成效只写了数字“{text}”，“{kind}”没有默认的成效指标，请写明，如“发现安全隐患3处”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>成效中“{phrase}”的数字没有单位，请写明，如“35起”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>成效中“{phrase}”应为整数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>成效中“{phrase}”不能归入任何一项成效指标（如劝导交通违法行为 起、服务群众 人次）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{figure}”由{source}统计，此处不重复计入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>排班到岗记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法识别的期间“{text}”，请写成 2026-11（月）、2026-Q4（季度）或 2026（年）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>每小时值班积分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>每小时工作记录积分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>每次培训积分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>每学时培训积分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无故缺勤扣分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}应在0至{limit}之间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有“{kind}”这一工作类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{kind}”每次积分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保险到期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>资质</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>岗位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已排</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>需要</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受理日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办理期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本月志愿服务时长（值班与工作记录，不含培训）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>值班（小时）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作记录（小时）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>合计（小时）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>意外保险已过期的在队队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>意外保险30天内到期的在队队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在队队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>资质已过期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>资质30天内到期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未来一周人手不足的班次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本周班次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本周人手不足的班次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在办纠纷</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>可申请司法确认的调解协议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>超期纠纷</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本月受理的矛盾纠纷</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>排班到岗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本月护学岗执勤</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来源</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>岗位或地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在队人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>今年发出的证书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证书编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签发日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该工作记录不存在或已删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作表“{sheet}”有 {rows:,} 行，超过导入上限 {limit:,} 行，请分成几个文件导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件“{path_name}”超过导入上限 {limit} MB，请分成几个文件导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件中没有找到工作台账的表头（应有 日期、工作类别、参与队员 等列）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍“{team}”可能是{teams}，请写全称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍“{team}”不存在，请先在花名册中建立该队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期：{message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期“{text}”没有年份，工作表的标题和名称中也没有年份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期不存在：{year}年{text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>参与队员“{name}”不在花名册中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>花名册中有{count}名“{name}”，无法确定是哪一位，请分开登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>空行，已跳过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>小计/合计行，已跳过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期空白，沿用上一行的日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍空白，沿用上一行的队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍“{written}”按“{team}”导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写工作类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作类别“{kind}”无法识别，应为：{kinds}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作类别“{written}”按“{kind}”导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写时长（小时），如 2 或 2小时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时长</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时长“{text}”不是小时数，请写成 2 或 2小时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{figure}”不是“{kind}”的常用指标，已照录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{sheet}”第{row}行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>与已登记的工作记录相同（日期、类别、队伍、地点、内容），已跳过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>与{where}相同，已跳过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作表“{sheet}”中没有“{column}”列</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在检查（{done}/{total}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星级时长应为整数（小时）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>应填写一星至五星共5个时长，均大于0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星级时长应逐级增加</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在重算积分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>积分已重算</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有名为“{team}”的队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在统计工作成效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在统计各月趋势</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在统计矛盾纠纷</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在统计服务时长</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在评定星级与排名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在生成简报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作简报只能保存为 .pdf、.xlsx 或 .json 文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>简报已保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在排版…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在读取队员…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在写入工作簿…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作日志只能追加，不能修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作日志不能删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码错误次数过多，请{seconds}秒后再试</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码不能超过{length}位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码中不能有控制字符</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码不能与用户名相同</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这个密码太容易被猜到，请换一个</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>强：不容易被猜到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>中：可以使用；更长或混用字母、数字和符号会更安全</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>弱：可以使用，但建议加长，并混用字母、数字和符号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用户名不能超过{length}个字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用户名中不能有控制字符</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名不能超过{length}个字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本数据文件夹已有操作员账号，请由管理员登录后添加账号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本数据文件夹已有操作员账号，不能再建演示账号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该账号已停用，请联系管理员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原密码不对</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该账号不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不能停用当前登录的账号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>至少要保留一个可用的管理员账号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自动锁定时间应在{low}到{high}分钟之间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作日志至少保留{months}个月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（未满十四周岁当事人，已隐去）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当事人“{name}”未满十四周岁，开始调解前须登记其监护人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同意日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同意方式应为 书面 / 口头 / 电子</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同意日期不能晚于今天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择同意的方式（书面、口头或电子）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写同意的日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>离队队员个人信息的保留年限应在{low}到{high}年之间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有这名队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这名队员的个人信息已经匿名化</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只有离队满{years}年的队员才能匿名化</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查看完整的身份证号、电话和住址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>录入和修改数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除或恢复记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印（个人信息已脱敏）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出文件（个人信息已脱敏）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出或打印完整的个人信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查看不满十四周岁当事人的信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改单位信息和设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>管理操作员账号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从备份恢复数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查看和归档操作日志</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>匿名化离队队员的个人信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先登录：{permission}需要以操作员账号登录后办理。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当前账号“{user}”（{role}）无权{permission}。如需办理，请由有此权限的人员登录。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无角色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>中文姓名中间不能有空格，各部分之间请用“·”隔开：是“{proposal}”吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所在队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表彰事由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>起始日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>服务时长</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>服务内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证件类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证件信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签发年份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>回收站中没有“{kind}”这一类记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>回收站中没有这条{kind}记录（编号 {id}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>彻底清除回收站中的过期记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法连接数据库服务器 {where}：{detail}
请检查网络和服务器地址，或请技术人员确认服务器已启动；数据没有改动。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据库服务器 {where} 需要密码，或密码不对。请输入数据库账号的密码（命令行可设置环境变量 PGPASSWORD，或使用 pgpass 文件）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包的数据结构与县局的不一致（表 {table}）：未导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>县局“{county}”的公钥与之前确认的不同：请与县局电话核对新指纹 {fingerprint} 后再确认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚未确认县局“{county}”的公钥：请与县局电话核对指纹 {fingerprint} 后确认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>输入的指纹与县局公钥文件不符（文件的指纹为 {fingerprint}）：未导出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先填写单位信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>县局的数据文件夹不导出单位数据包（它导出参考数据包）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在生成数据快照</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在压缩、签名并加密</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在写入并校验</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包已导出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>县局名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>机构代码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写县局名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这个数据文件夹已有单位信息，不能再设为县局</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包的清单不完整</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{office}”的签名密钥与登记时的不同（数据包的指纹为 {fingerprint}）：可能是冒名的数据包，或该单位重装后换了密钥；请与该单位核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{office}”是第一次报送数据包，其签名指纹 {fingerprint} 尚未经管理员确认：未导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包的内容无法解压</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包中的数据文件已损坏：{problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包由更新版本的程序生成：请先升级县局的程序</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包的数据无法升级到本程序的数据结构</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法读取数据包：{error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只有县局的数据文件夹能导入单位数据包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不是本系统的数据包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>比已导入的第{newer}号数据包旧，未作任何修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第{sequence}号数据包已导入过，这一个序号相同而内容不同：未导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这个数据包已导入过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>与上一个数据包相比没有变化</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在导入 {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包导入完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密钥文件无法读取：{name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密钥文件已损坏：{name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本数据文件夹没有县局密钥（keys/county.key）：它不是县局的数据文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法读取县局公钥文件：{name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}”不是县局公钥文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>县局公钥文件中的公钥与所写指纹不符：文件已被改动或损坏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>天数应在 1 到 366 之间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{id}：{places}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包不完整：文件被截断（可能没有拷贝完）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包已损坏或被改动：文件头无法读取</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包的种类不对：这里只能导入单位数据包或县局参考数据包中的一种</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包不完整：文件被截断（应有 {size} 字节，只有 {have} 字节，可能没有拷贝完）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这个参考数据包不是本单位所认可的县局签发的：它的签发方指纹为 {to}，本单位认可的县局为 {own}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包不是发给本单位的：它的接收方指纹为 {to}，本单位为 {own}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包已损坏或被改动：长度与文件头不符</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包已损坏或被改动，无法解密（或它是用另一个县局的公钥加密的）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包已损坏或被改动：内容过短</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签名不符：数据包在签名之后被改动过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包的清单无法读取</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包的内容与清单中的 SHA-256 不符</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只有县局的数据文件夹能导出参考数据包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>参考数据包由各单位导入，县局自己不导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚未确认县局公钥：请同时选择县局公钥文件并核对其指纹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签名不符：这个参考数据包不是本单位所认可的县局签发的</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>参考数据包的内容不能采用：{reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有名为“{office}”的报送单位（或它还没有导入过数据包）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只有县局的数据文件夹能汇总各单位的工作简报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在统计 {office}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在汇总</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>县局汇总的工作简报保存为 .json 文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据快照校验失败: {problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>机构代码只含字母、数字和“-”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>此记录已被 {who} 于 {when} 修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>此记录已被其他操作员于 {when} 修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>此记录已被 {who} 修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>此记录已被其他操作员修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>此记录已被其他操作员删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据库服务器上的数据不做加密备份：请备份到服务器管理员指定的位置（.dump 文件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{path_name}”是本机数据文件的备份；数据库服务器上的数据只能用服务器的备份（.dump）恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{path_name}”是数据库服务器的备份（.dump），这个数据文件夹的数据在本机数据文件中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>找不到 PostgreSQL 的工具 {tool}，无法备份或恢复服务器上的数据。请安装 PostgreSQL 客户端（Debian/统信UOS：apt install postgresql-client；Windows：PostgreSQL 安装程序中的“Command Line Tools”），并把它所在的文件夹加入 PATH。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{tool} 无法运行：{detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{tool} 失败：{detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法连接数据库服务器 {where}：{detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不能在服务器上建立校验用的临时数据库：{detail}
数据库账号需要 CREATEDB 权限（docs/postgresql.md）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在导出数据库…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pg_dump 没有写出备份文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在恢复到临时数据库校验…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份文件校验失败：恢复出的行数与数据库不同（{differ}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在恢复到新的数据库并校验…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所选备份文件无法恢复：{detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不能替换服务器上的数据库：{detail}
数据库账号须是该数据库的所有者；数据没有改动。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MonthDialog</name>
    <message>
        <source>月视图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ 上月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>下月 ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>双击某一天，打开那一周的值班表。红色为缺人。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}年{1}月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>班次 {0} 个，需 {1} 人次，已排 {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>，缺 {0} 人次</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MonthModel</name>
    <message>
        <source>周{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <source>新增操作员账号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>角色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>初始密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>再次输入密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficeDialog</name>
    <message>
        <source>单位信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>欢迎使用义警服务队管理系统。请先填写本单位的信息，它们会出现在窗口标题、值班表、调解文书和证书上。以后可在“文件 → 单位信息”中修改。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>例如：伽师县公安局夏普吐勒派出所</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>例如：伽师县公安局</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>例如：夏派调 → （2024）夏派调字第012号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位名称 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上级单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>负责人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计入新疆少数民族习惯节日（肉孜节、古尔邦节）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新疆的单位默认计入：护学岗不排、办理期限顺延。日期按自治区通知录入（设置 → 节假日安排），录入前按伊斯兰历预估。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>节假日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本所治安调解案件的编号前缀；人民调解案件按调委会编号（纠纷调解 → 调解组织与民警）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>治安调解编号前缀 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>派出所、警务室：管理本单位的义警队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>县局：汇总各单位报来的数据包（不录入队伍）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>统一社会信用代码，可不填</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>机构代码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>县局名称 *</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackageActions</name>
    <message>
        <source>选择县局公钥文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>县局公钥 (*.pub);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>把数据包保存到（如U盘）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出数据包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未导出：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包第{0}号已保存：
{1}

共 {2} 条记录，已签名并加密，只有{3}能打开。
本单位签名指纹：{4}
（县局第一次导入本单位的数据包时，会在电话中与您核对这个指纹）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确认县局公钥</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}

请打电话给县局，请对方念出公钥指纹，在下面输入（20 位数字）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择县局参考数据包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>参考数据包 (*.yjref);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请打电话给县局，请对方念出公钥指纹，在下面输入（20 位数字）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入参考数据包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未导入：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>把参考数据包保存到（如U盘）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出参考数据包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>参考数据包第{0}号已保存：
{1}

各单位用“文件 → 导入参考数据包…”导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存县局公钥</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>县局公钥 (*.pub)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出县局公钥</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>县局公钥已保存：
{0}

指纹：{1}

请把公钥文件交给各单位，并在电话中向对方念出这个指纹，由对方核对后确认。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择各单位的数据包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包 (*.yjpkg);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入数据包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确认报送单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}”第一次报送数据包。

它的签名指纹是：
{1}

请打电话给该单位，请对方念出其数据包上的“本单位签名指纹”。两者完全一致吗？</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartiesPanel</name>
    <message>
        <source>当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>性别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>民族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年龄</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>住址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 努尔买买提·西热甫</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>18位，末位可为X</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>11位手机号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有身份证号时自动填写</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无出生日期时填写</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>职业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>被监护人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>监护：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未成年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未成年，未登记监护人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（未成年）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatternPanel</name>
    <message>
        <source>班次规律</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>周{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>周一至周五</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>每天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 07:30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 08:10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>，可不填</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>开始</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结束</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>生效日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>仅上学日的岗位：节假日和学校假期不排，调休上班的周末照常排（当规律为周一至周五时）。结束早于开始表示到次日。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新增规律</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存规律</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除规律</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确定删除班次规律“{0}”吗？
已生成的班次不受影响。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时长（小时）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeoplePicker</name>
    <message>
        <source>输入姓名后按回车添加</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 小时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>每人时长</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有找到“{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有{0}人符合“{1}”，请从列表中选择</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}”已在名单中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查找队员</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>自定义</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}（{1}–{2}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}（{1}年{2}月）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PointsPage</name>
    <message>
        <source>按积分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按服务时长</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>名次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>积分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>服务时长（小时）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>积分规则（管理员）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>值班每小时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作记录每小时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>每参加一次培训</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>培训每学时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无故缺勤一次扣</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>每条工作记录另加（按类别）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存规则并重算积分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按记录重算积分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星级评定（累计志愿服务时长，不含培训）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 小时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存星级时长</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>积分规则</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>积分规则已保存，积分已按记录重算。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已按记录重算积分明细 {0} 条。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星级评定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星级时长已保存。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>积分排名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重算积分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已取消重算，积分未改变。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PostForm</name>
    <message>
        <source>如 中山路商圈巡逻、第一小学护学岗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 中山路步行街</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不属于任何队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 19:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 22:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>仅上学日（护学岗）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>需要带班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>启用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>岗位名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所属队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>默认开始</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>默认结束</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>每班人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所需技能</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PostsDialog</name>
    <message>
        <source>岗位管理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>显示已停用的岗位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>岗位名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>班次规律</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新增岗位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存岗位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除岗位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>班次规律（保存岗位后填写）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未保存的修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>岗位或班次规律有修改尚未保存。要保存吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>岗位：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确定删除岗位“{0}”吗？
今天及以后尚未签到的班次会一并取消，已有的值班记录保留。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>岗位已删除，取消未来班次 {0} 个。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>共 {0} 页</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>放大</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>缩小</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>适合宽度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>另存为PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法开始打印，请检查打印机。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>另存为PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrivacyDialog</name>
    <message>
        <source>安全与个人信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 个月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无操作多久后锁定窗口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作日志保留（不少于6个月）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>离队队员个人信息保留</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>离队已满保留年限的队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>匿名化后，姓名改为“已匿名队员+编号”，身份证号、出生日期、电话、住址、紧急联系人、照片和备注被清除；服务时长、值班和证书记录保留用于统计。此操作不能撤销，并记入操作日志。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>离队日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>匿名化所选队员…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 {0} 人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设置已保存。自动锁定时间从下次登录起生效。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>匿名化</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先在列表中选择队员。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确定把 {0} 名离队队员的个人信息匿名化吗？此操作不能撤销。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未匿名化</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PublicityDialog</name>
    <message>
        <source>证书颁发公示名单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>也列出志愿服务证明和义警证</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>默认只列出荣誉证书和聘书；已作废的证书不列出。公示期七天，自张贴之日起算。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签发日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>张贴日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>生成并预览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印公示名单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证书公示名单</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <source>QT_LAYOUT_DIRECTION</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordChanged</name>
    <message>
        <source>记录已被修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}，本次操作未保存。请重新打开该记录，核对后再试。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordChangedBanner</name>
    <message>
        <source>{0}，您的修改尚未保存，仍保留在窗口中。请核对对方的修改后再保存：再次点击“保存”将以窗口中的内容覆盖对方的修改。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordPanel</name>
    <message>
        <source>新增{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除所选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改{0}：{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确定删除这条{0}吗？{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不能删除</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordsTab</name>
    <message>
        <source>工作记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>培训</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>积分与星级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作简报</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecycleBinDialog</name>
    <message>
        <source>回收站</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名、名称或案号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>恢复后，记录连同其关联的值班、考勤、当事人、调解记录等一并回到原处。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>恢复所选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>清除过期记录…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>永久清除删除已满一年、且没有任何关联记录的条目（管理员）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类别：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 {0} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已恢复：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>清除过期记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除已满 {0} 天、且没有任何关联记录的条目将被永久清除，不能再恢复。
确定清除吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
另有 {0} 条仍有关联记录（值班、时长、当事人等），保留在回收站中。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已永久清除 {0} 条。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterPanel</name>
    <message>
        <source>{0}小时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>至{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查找：姓名、拼音、编号或验证码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签发日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>称号 / 时长 / 期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>验证码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作废原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>预览/打印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>补打</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作废…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事件记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签发、补打、作废的时间和操作员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>公示名单…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 {0} 份（作废 {1} 份）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>预览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>补打 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>补打 {0} 份证书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>补打证书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作废证书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作废 {0}（{1}，{2}）。
作废后验证结果为“已作废”，编号不再使用，不能恢复。
作废原因（必填）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不能作废</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}，证书未作废。列表已刷新为最新内容，请核对后重新作废（已填写的原因会保留）。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemovableDrives</name>
    <message>
        <source>{0}（{1}）  可用 {2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>月报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>季报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>统计并生成草稿</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>简报正文（可修改，打印时使用修改后的文字）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>指标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>统计来源</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存 PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存 Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存 JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 季度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全所</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>统计工作简报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel 文件 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON 文件 (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存工作简报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已保存：{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>重置“{0}”的密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>再次输入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>没有权限</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RosterTab</name>
    <message>
        <source>查找：姓名 / 拼音 / 首字母 / 手机尾号 / 身份证尾号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部技能</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>意外险：全部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>意外险已过期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30天内到期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新增队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍管理…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>性别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>民族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>技能</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>入队日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>意外险到期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 {0} 人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当前列表中没有队员。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出花名册</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出当前列表中的 {0} 名队员。
身份证号和电话默认隐去中间数字；完整信息只应由管理员为制作法律原件而导出，并会记入操作日志。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出（隐去敏感信息）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出完整信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出完整的身份证号和电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队员花名册.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导出 {0} 名队员到：
{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队员花名册-{0}.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印花名册</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在导出花名册</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在生成花名册</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>等 {0} 人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确定从花名册中删除“{0}”{1}吗？
删除后其值班、服务时长等记录仍然保留，可在“文件 → 回收站”中恢复。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查找队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍列表</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Schedule</name>
    <message>
        <source>{0}月{1}日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}年第{1}周&#x3000;{2}–{3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不能这样安排：
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请注意：
{0}

{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>仍要安排吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>预估</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无班次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>班次 {0} 个</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已排 {0}/{1} 人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>缺 {0} 人（{1} 个班次）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>带班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>锁</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>缺 {0} 人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>夜</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}年的放假安排尚未录入，这一天的休/班是预估的（设置 → 节假日安排）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调休上班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（{0}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本周</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>下周</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上周</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该周</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该月</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScheduleTab</name>
    <message>
        <source>◀ 上一周</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本周</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>下一周 ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>生成本周班次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>安排…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签到…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自动排班…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>公平性…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>月视图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>岗位管理…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印值班表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>双击格子安排人员；把姓名拖到另一格即调班；右键姓名可设带班、锁定、取消安排。红色为缺人。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>还没有岗位：请点“岗位管理…”新增岗位和班次规律。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本周还没有班次：点“生成本周班次”按规律生成，或用“自动排班…”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>班次 {0} 个，需 {1} 人次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>，缺 {0} 人次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&#x3000;近两周待签到班次 {0} 个</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择班次：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>安排</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先在值班表中选中一个格子。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该岗位当天没有班次。请在“岗位管理…”中设置班次规律，再点“生成本周班次”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该岗位当天没有班次，不能调到这里。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>仍要把{0}调到“{1}”吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>说明：为什么是{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设为带班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>解锁</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>锁定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消安排</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>排班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>生成班次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已按班次规律生成 {0} 个班次。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本周按规律应有的班次都已生成。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本周没有待签到的班次。请选中一个已开始的班次，或切换到其他周。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>值班表-{0}-W{1:02d}.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印值班表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出值班表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>值班表-{0}-W{1:02d}.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>值班表已导出到：
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在读取值班表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在生成值班表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在导出值班表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当前账号只能查看和打印值班表。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SectionsPanel</name>
    <message>
        <source>值班次数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>到岗次数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>累计服务时长（小时）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>今年服务时长（小时）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>参与调解案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>参加培训</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>资质</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>积分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请假记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · {1} · 星级：{2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未分队</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作成效：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作成效：暂无</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionsPanel</name>
    <message>
        <source>调解记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>次序</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 夏普吐勒派出所调解室</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解时间 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解经过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第{0}次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>参加人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受邀参加调解的其他人员（不含当事人、调解员、记录人），如 村委会委员热合曼·艾山</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解前已告知当事人权利义务</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetBackupPasswordDialog</name>
    <message>
        <source>设置备份密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>带出电脑的备份（备份到U盘）用此密码加密（AES-256，7-Zip 可以打开）。
恢复加密备份时需要输入此密码。密码不保存在电脑上，忘记后无法找回，请妥善保管。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新密码（至少{0}位）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>再次输入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SheetSettings</name>
    <message>
        <source>值班表显示带班人完整电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>值班表贴在墙上用作联系表时，带班人的手机号码完整显示；其他队员的号码仍然脱敏。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>数据文件已损坏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>检查发现数据文件有损坏：
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>

没有找到完好的备份。请先不要继续录入，并联系技术人员。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本程序已经在使用这个数据文件夹：
{0}

请切换到已打开的窗口。同一个数据文件夹只能由一个程序打开。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>

建议立即用最新的完好备份恢复：
{0}
当前的文件会原样保留。现在恢复吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}（{1}的数据）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>

没有找到完好的备份。请联系技术人员，不要删除数据文件夹：
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>

可以用最新的完好数据恢复：
{0}
原来的文件会原样保留，不会删除。现在恢复吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>恢复没有完成，数据文件夹保持原样：
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据文件不见了</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法打开数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自动备份没有完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退出时的自动备份没有完成，数据本身不受影响：
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据库服务器的密码</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreChoiceDialog</name>
    <message>
        <source>数据存放位置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本单位的数据存放在哪里？只有一台电脑使用本程序时，选“本机数据文件”即可；派出所或县局的多台电脑要同时使用同一份数据时，选“数据库服务器”（由技术人员设置好 PostgreSQL）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本机数据文件（单机使用，无需安装其他软件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据库服务器（局域网内多台电脑同时使用）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码不在这里填写：连接时程序会询问，或由技术人员设置 pgpass 文件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>继续</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写数据库服务器的地址，如 postgresql://yijing@10.0.0.5/yijing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StrengthLabel</name>
    <message>
        <source>至少8位；建议混用字母、数字和符号</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubstituteDialog</name>
    <message>
        <source>替班：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>由谁替{0}上这个班次？（红色的队员不能替班）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>替班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先选择替班的队员。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>仍要由{0}替班吗？</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SwapDialog</name>
    <message>
        <source>换班：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}和谁换班？选择本周另一个班次上的队员，两人互换班次。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查找：姓名或岗位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>岗位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>换班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先选择要互换的队员。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>仍要让{0}和{1}换班吗？</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableActions</name>
    <message>
        <source>复制</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeamEditDialog</name>
    <message>
        <source>新建队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编辑队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 夏普吐勒镇警务站</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（未指定）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍名称 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所属警务站</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>成立日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队长</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>服务区域</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>建队并加入队员后可指定队长</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeamsDialog</name>
    <message>
        <source>队伍管理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所属警务站</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队长</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在队人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>总人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>成立日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>服务区域</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>撤销日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>显示已撤销的队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编辑</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>合并到…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>撤销/恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>合并队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有可以并入的其他队伍。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>把“{0}”的全部队员、岗位和工作记录并入：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已把 {0} 名队员并入“{1}”，“{2}”已撤销。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>撤销队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>撤销“{0}”？队员仍保留在花名册中，可随时恢复。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>PNG 图片 (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证书模板与印章</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建模板</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除模板</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证书类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>模板</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设为该类别的默认模板</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>清除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>模板内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>措辞</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>可用占位符</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>每行是一个段落；以“：”结尾的称呼行不缩进。签发时占位符换成实际内容。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>边框样式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本模板印章</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位印章（用于没有自己印章的模板）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>印章应为透明背景的PNG图片，盖在落款单位名称上。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>恢复默认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>填入程序自带的措辞和边框，按“保存”后生效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（默认）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未设置（使用单位印章）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未设置（证书上不盖印章）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新{0}模板</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新模板：已复制当前措辞，修改后按“保存”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已填入程序自带的措辞和边框，按“保存”后生效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择本模板的印章图片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>模板“{0}”已保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确定删除模板“{0}”吗？已签发的证书不受影响。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择单位印章图片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位印章已更换</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位印章已清除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>插入占位符…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>读作：{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingsPage</name>
    <message>
        <source>登记培训</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 学时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如：急救、调解（不授予资质则不填）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>长期有效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 个月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>培训名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>培训日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>学时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>主办单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>地点（签到表用）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>培训内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>授予资质</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>资质有效期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>参训人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存培训</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印签到表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>参训人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已登记的培训（培训学时单独记录，不计入志愿服务时长）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>培训已保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存签到表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>培训签到表.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签到表已保存：{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <source>办理：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>将案件由“{0}”转为“{1}”？此操作将记入案件流程和操作日志。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>终止原因（必填）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>说明（可不填）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsbBackupDialog</name>
    <message>
        <source>备份到U盘</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>带出电脑的备份一律加密（AES-256，7-Zip 格式），丢失U盘也不会泄露队员的身份证号。恢复时需要输入备份密码。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>开始备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未找到U盘，请插入后点“刷新”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择备份位置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚未选择备份位置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份密码不对</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请输入备份密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>加密备份已写入并读回校验无误：
{0}
用 7-Zip 打开需要备份密码。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份未完成</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsbExportDialog</name>
    <message>
        <source>导出到U盘</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出哪些案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登记簿中选中的案件（{0}件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受理日期在以下期间的案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>完整信息（需管理员）：身份证号、电话不隐去，仅供制作法律文书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>将写入：每件案件的案件摘要（PDF）、案件登记表（Excel）和校验清单。每个文件写入后读回核对，全部核对无误才算完成。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>开始导出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未找到U盘，请插入U盘后点“刷新”，或选择文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择导出位置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚未选择导出位置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结束日期不能早于开始日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出含完整身份证号和电话的案件材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在写入并核对：{0}（{1}/{2}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在完成…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>完整信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已脱敏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出完成，清单已校验。
文件夹：{0}
案件 {1} 件，文件 {2} 个（另有{3}），个人信息：{4}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出未完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出已取消，已写入的文件已删除。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同时导出每件案件的卷宗（封面、卷内目录、全部文书、封底，PDF）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
以下人民调解案件尚未指定调委会，未导出卷宗：{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VacationsPanel</name>
    <message>
        <source>学校放寒假、暑假期间，“仅上学日”的岗位（护学岗）不排班。日历上以绿色下划线标出。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加假期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除所选假期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} 至 {1}（{2}天）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerifyBox</name>
    <message>
        <source>证书验证</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>验证</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>验证结果显示在这里。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>验证码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}&#x3000;{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作废日期：{0}&#x3000;原因：{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>输入证书上的8位验证码或证书编号，或用扫码枪扫描二维码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请输入验证码或证书编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本单位没有签发过这个验证码或编号的证书，请核对后重新输入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>持证人：{0}（公示写作“{1}”）&#x3000;证件号码：{2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签发日期：{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>在队</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>暂停</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已排</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>缺勤</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>迟到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请假</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>巡逻</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>护学岗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>交通劝导</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>警务站值守</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>救援待命</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>汉族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>蒙古族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>回族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>藏族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>维吾尔族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>苗族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>彝族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>壮族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>布依族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>朝鲜族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>满族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>侗族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>瑶族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>白族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>土家族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>哈尼族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>哈萨克族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>傣族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>黎族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>傈僳族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>佤族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>畲族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>高山族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>拉祜族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>水族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>东乡族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>纳西族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>景颇族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>柯尔克孜族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>土族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>达斡尔族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>仫佬族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>羌族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>布朗族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>撒拉族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>毛南族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>仡佬族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>锡伯族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>阿昌族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>普米族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>塔吉克族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>怒族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>乌孜别克族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>俄罗斯族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>鄂温克族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>德昂族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保安族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>裕固族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>京族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>塔塔尔族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>独龙族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>鄂伦春族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>赫哲族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>门巴族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>珞巴族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>基诺族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其他</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>外国血统中国籍人士</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人民调解</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>治安调解</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解成功</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解不成功</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>终止</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>回访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>婚姻家庭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>邻里</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>房屋宅基地</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>合同</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>债务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>生产经营</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>损害赔偿</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>山林土地</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>劳动争议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>消费</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>道路交通事故</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>物业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>村务管理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当事人申请</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>群众报警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>义警发现</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>主动调解</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>公安机关移交</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>法院委托</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>政府指定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>聘书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>荣誉证书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>志愿服务证明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>义警证</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作废</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>管理员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>录入员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查看</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受理登记表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解协议书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>回访记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件摘要</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>救援</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>驾驶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>双语翻译</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>急救</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>消防</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>心理疏导</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>普法宣传</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>中共党员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>中共预备党员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共青团员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>民主党派</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>群众</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>申请人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>被申请人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其他当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>监护人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>主持人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>记录人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>男</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>女</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>休</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未评星</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一星</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>二星</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>三星</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>四星</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>五星</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已履行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>部分履行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未履行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>满意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>基本满意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不满意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已作废</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新增</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>更新</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>跳过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>拒绝</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>违法行为人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>被侵害人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>殴打他人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>故意伤害</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>侮辱</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>诽谤</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>诬告陷害</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>故意损毁财物</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>干扰他人正常生活</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>侵犯隐私</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>雇凶伤害他人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结伙斗殴</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>寻衅滋事</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>多次实施违反治安管理行为</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当事人在治安调解过程中又挑起事端</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其他不宜治安调解的情形</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>伤情鉴定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>价值认定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>伤情鉴定和价值认定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确认有效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确认无效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>驳回申请</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>撤回申请</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>永久</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>长期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>短期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>申请书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>权利义务告知书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调查记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>口头协议登记表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结案报告表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>卷宗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人民调解申请书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人民调解受理登记表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>治安调解受理登记表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人民调解当事人权利义务告知书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>治安调解当事人权利义务告知书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人民调解调查记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>治安调解调查记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人民调解记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>治安调解记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人民调解协议书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>治安调解协议书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人民调解口头协议登记表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人民调解回访记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>治安调解回访记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人民调解结案报告表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>治安调解结案报告表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>培训</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>手工</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>劝导交通违法行为</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>协助抓获犯罪嫌疑人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>救助被困车辆</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>帮助群众办理事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>服务群众</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>寻回走失人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报告可疑线索</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发现安全隐患</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>普法宣传覆盖群众</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解纠纷</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>护学岗执勤</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>协助抓获</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>可疑线索报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>隐患报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>寻人寻物</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>送证上门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>参与调解</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>消费维权</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>妇女权益维护</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>爱心帮扶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>书面</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>口头</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>电子</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>岗位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作记录</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WeekGridModel</name>
    <message>
        <source>{0}&#x3000;需 {1} 人，已排 {2} 人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（带班）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当天没有班次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类别：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>地点：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>队伍：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所需技能：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>仅上学日</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Weekdays</name>
    <message>
        <source>星期一</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星期二</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星期三</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星期四</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星期五</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星期六</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星期日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>二</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>三</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>四</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>五</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>六</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WordingDialog</name>
    <message>
        <source>调解文书措辞</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>各调解文书中的固定条款。每一行是一个段落；{花括号}内为占位符，打印时填入。修改须管理员确认；“恢复默认”恢复程序自带的措辞。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>恢复默认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部恢复默认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（已修改）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>可用占位符：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本条不使用占位符。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本单位已修改（与默认措辞不同）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>默认措辞</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改调解文书措辞</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>把所有调解文书的措辞恢复为默认？</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkflowPanel</name>
    <message>
        <source>开始调解</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解成功</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调解不成功</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>终止调解</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>转入回访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>下一步：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办理经过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办理流程：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件已删除，不能继续办理。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件已结案。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只列出当前状态允许的下一步。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（新建）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不能转为“{0}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>YearCalendar</name>
    <message>
        <source>{0}月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>预</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}年{1}月{2}日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>休息日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（预估）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>学校放假</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来源：{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_CrewChangeDialog</name>
    <message>
        <source>事由，如 临时有事、身体不适</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事由：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
