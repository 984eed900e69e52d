# customer-first：游戏、命令行和复盘中显示的每一句话，简体中文版。
# Project Fluent 语法（https://projectfluent.org/fluent/guide/）：`key = text`，参数写作
# { $name }。中文没有复数形式，因此不使用数量选择器。这里的每个键都必须与 en.ftl 一致，
# 并被代码使用（tests/catalogue.rs）。术语：../shared/GLOSSARY.md。

language-name = 简体中文

## 标题画面
title = customer-first
tagline = 用有限的资源服务客户。看看谁留下、谁离开，以及为什么。
choose-scenario = 选择一门生意
choose-language = 语言
seed = 随机种子（相同的种子让每个小组面对同一个世界）
start = 开始
quit = 退出
ui-scale = 界面缩放
load-a-save = 继续已保存的游戏：
settings-problem = 设置文件有问题，已使用默认设置：

## 时钟栏与菜单
day = 天
day-n = 第 { $day } 天
quarter-n = 第 { $n } 季度
paused = 已暂停
pause = 暂停
resume = 继续
speed = 速度
fastest = 最快
menu = 菜单
keys-help = 空格 暂停 · 1-5 速度 · Tab 下一面板 · ↑/↓/←/→ 面板内移动 · Esc 菜单
end-here = 在此结束游戏并查看复盘
save-as = 另存为
save = 保存

## 面板
levers = 杠杆
levers-keys = 按键：↑/↓ 选择，←/→ 调整
levers-wait = 请先做出抉择，再调整杠杆。
stakeholders = 利益相关方
charts = 图表
capital = 客户资本
feed = 发生了什么
customers = 客户
employees = 员工
shareholders = 股东
last-quarter = 最近 91 天的收入
chart-empty = 第一天结束后开始绘制图表。
decisions = 决策
cost-per-day = ≈ { $amount }/天
revenue-per-day = 收入 { $amount }/天
on = 启用
off = 停用
unit-multiple = × 参考值
unit-per-unit = { $per } { $amount }
unit-per-hour = { $amount }/小时
unit-staff = 人（成本：多雇一人）
unit-overtime = 小时/天/人
unit-extras = 项客户未要求的附加服务
unit-dividend = 季度利润占比
unit-outreach = 为健康度亮红灯的客户投入员工时间

## 店面
entrance = 入口
exit = 出口
queue = 排队
waiting-more = 还有 { $n } 人在等待
legend-mood = 心情：
the-book = 你的客户（每个点代表一位，颜色表示心情）：{ $total }
the-book-sampled = 你的客户（每个点代表一位，颜色表示心情）——从 { $total } 位中抽取的代表性样本

## 查看器
inspector = 详情
no-selection = 点击一位客户或一名员工
segment = 客户分层
tenure-days = 客户时长（天）
visits = 到访次数
spend = 累计消费
health = 健康度
mood-history = 最近几次到访后的心情
thoughts = 最近的想法
new-customer = 首次到访（尚无记录）
churned = 已流失
staff-member = 员工
skill = 技能水平
wage = 薪酬（对比市场）
overtime-days = 加班天数

## 两难抉择、顾问、动态
what-you-know = 你所知道的
advisor = 顾问
churned-today = 今天有 { $n } 位顾客离开
quits-today = { $n } 名员工离职
hires-today = { $n } 名新员工入职
board-warning = 董事会正在失去耐心（{ $share }）
milestone = 活跃客户达到 { $n } 位
chose = 你选择了“{ $choice }”
lever-changed = 杠杆已调整：{ $levers }
dilemma-effect = 因为你的选择：{ $levers }
consequence-came = 你在“{ $dilemma }”（第 { $day } 天）选择了“{ $choice }”，后果今天来了：{ $effects }
effect-cash = 现金 { $amount }
effect-morale = 员工士气 { $points } 个百分点
effect-reviews = { $count } 条 { $stars }★ 评价
effect-customers = { $share } 的客户受到影响
effect-board = 董事会信心 { $points } 个百分点
referrals-week = 本周推荐者带来了 { $n } 位新客户
advice-line = 顾问：{ $advice }（杠杆 → { $lever }）
feed-line = 第 { $day } 天：{ $text }

## 结束画面与推演
game-over = 游戏结束
play-again = 再玩一次（相同种子）
back-to-title = 返回标题画面
export-debrief = 保存复盘（HTML）
why-they-left = 客户为何离开
lessons = 启示
run-charts = 你的这一局
run-charts-key = 黄线：你的决策。虚线：推演结果。
whatif-heading = 假如……
whatif-intro = 从第 0 天起重玩这一局，只改变一个决策：同样的客户、同样的运气，其他决策全部不变。重玩中遇到、而原局没有遇到的两难抉择，按默认选项作答。
you-chose = 第 { $day } 天 · { $dilemma }：你选择了“{ $choice }”
try-choice = 试试“{ $choice }”
undo = 撤销
replaying = 正在重玩：第 { $day } 天，共 { $days } 天
identical-all = 两局逐日完全相同：到最后，这个改变没有带来任何差别。
identical-until = 第 { $day } 天之前完全相同，从第 { $day } 天起出现差异。
differ-from-start = 从第 0 天起就不同。
this-game = 本局
what-if-col = 推演
difference = 差值
at-the-end = 最终结果
nothing-to-change = 本局没有做过任何决策，所以没有可以改变的。

## 杠杆：名称及其取舍的一句说明
lever-price = 价格
lever-price-hint = 客户每次到访要付多少钱：单次收入更高，但涨价会被记住，对价格敏感的客户会离开。
lever-wage = 薪酬
lever-wage-hint = 与市场相比的薪酬：待遇更好能留住员工、稳住士气，但每个小时都要多花钱。
lever-training = 培训
lever-training-hint = 花在技能上的时间和金钱：出错更少、服务更快，但每天都要投入。
lever-quality = 品质
lever-quality-hint = 每件产品的用料：更贴近客户的预期，但每次到访都有成本。
lever-marketing = 营销
lever-marketing-hint = 为吸引新客户而花的钱：首次到访更多，但他们还谈不上忠诚。
lever-staff = 员工人数
lever-staff-hint = 店里的人手：排队更短、疲劳更少，但每人都要一份薪酬。
lever-overtime = 加班
lever-overtime-hint = 让同样的人多干几个小时：今天多了产能，日后换来疲惫和离职。
lever-service-level = 服务水平
lever-service-level-hint = 完成任务、多做一点，还是痴迷客户：超出预期多远，又要付出多少代价。
lever-extras = 额外服务
lever-extras-hint = 没人要求的功能：少量能带来惊喜，太多则分散注意力、增加成本。
lever-recovery = 投诉处理
lever-recovery-hint = 如何补救投诉：慷慨的服务补救能赢回客户，但要付出代价。
lever-outreach = 客户成功回访
lever-outreach-hint = 在健康度差的客户离开之前，花员工的时间主动联系他们。
lever-dividend = 分红
lever-dividend-hint = 每季度利润中分给股东、而不是留作现金的比例。
level-task = 完成任务
level-extra = 多做一点
level-obsession = 痴迷客户
recovery-strict = 严格
recovery-fair = 公平
recovery-generous = 慷慨
hours = { $n } 小时
list-separator = {"，"}
settings-not-saved = 无法将设置保存到 { $file }：{ $error }

## 图表（标题与数据系列）
chart-active-customers-and-churn = 活跃客户与流失
chart-retention-and-nps = 留存率与 NPS
chart-reputation-stars = 声誉（星级）
chart-cash-and-profit = 现金与利润
chart-revenue-and-costs-per-day = 每日收入与成本
chart-morale-and-fatigue = 士气与疲劳（%）
chart-new-customers-per-day = 每日新客户
series-active-customers = 活跃客户
series-churned-per-day = 每日流失
series-retention-90-days = 90 天留存率（%）
series-nps = NPS
series-reputation = 声誉
series-cash = 现金
series-profit-28-day-sum = 利润（28 天合计）
series-revenue = 收入
series-costs = 成本
series-morale = 士气
series-fatigue = 疲劳
series-paid = 营销获客
series-referred = 转介绍
series-walk-in = 自然到店

## 顾问
advice-capacity-below-demand = 接待能力低于需求：等待时间越来越长，有人离开了队伍。资源有限，要选择用在哪里。
advice-customers-going-quiet = 越来越多的客户变得沉默：趁他们离开之前行动；留住一位客户的成本远低于赢得一位新客户。
advice-tired-team = 持续加班让士气下滑：疲惫的员工服务更差，客户感受得到。
advice-feature-bloat = 预期之外的东西，没有客户也不会怪你；给得太多反而分散注意力：先满足预期，再谈额外服务。
advice-borrowing-from-the-future = 利润在涨，NPS 却在跌：你可能正在透支未来的客户。

## 游戏为何结束
end-horizon = 已到达本场景的结束日
end-cash = 企业的现金耗尽了
end-board = 董事会失去信心，撤换了你
end-player = 你在此结束了游戏

## 想法：标签及一句说明（客户说的话使用场景自己的措辞）
thought-long-wait = 等待太久
thought-long-wait-hint = 等待时间远超预期；等待带来的伤害，往往比它看起来应有的更大。
thought-turned-away = 未接待
thought-turned-away-hint = 在门口看到长队，没接受服务就走了。
thought-gave-up-waiting = 等不下去
thought-gave-up-waiting-hint = 排进了队伍，耐心耗尽后离开了。
thought-price-up = 涨价
thought-price-up-hint = 注意到价格上涨了；涨价比降价被记得更久。
thought-too-expensive = 太贵了
thought-too-expensive-hint = 觉得所得不值这个价。
thought-poor-quality = 品质差
thought-poor-quality-hint = 产品没有达到他们的预期。
thought-tired-staff = 员工疲惫
thought-tired-staff-hint = 员工显得疲惫或厌烦：员工的状态会体现在服务里。
thought-service-error = 服务出错
thought-service-error-hint = 订单或服务出了差错。
thought-small-surprise = 小惊喜
thought-small-surprise-hint = 在要紧的地方得到了比要求多一点的东西：超预期 0.1。
thought-missed-the-extras = 怀念额外服务
thought-missed-the-extras-hint = 以前常有的小额外服务不再有了：昨天的惊喜就是今天的预期。
thought-too-many-extras = 额外服务太多
thought-too-many-extras-hint = 太多用不上的东西：额外服务没有带来惊喜，反而分散了注意力。
thought-complaint-resolved = 投诉得到解决
thought-complaint-resolved-hint = 投诉后商家妥善补救：好的服务补救赢得的忠诚，可能比从未出问题还多。
thought-complaint-brushed-off = 投诉被敷衍
thought-complaint-brushed-off-hint = 投诉了却没有下文：这是投诉最糟糕的结局。
thought-checked-in = 被主动问候
thought-checked-in-hint = 还没等他们开口，商家就主动联系了他们。
thought-closed-on-me = 没等到就关门
thought-closed-on-me-hint = 他们还在等，店就关门了。
thought-scandal = 丑闻
thought-scandal-hint = 听说了一桩丑闻：当众失去的信任，要花数年才能赢回。
thought-did-the-right-thing = 做了对的事
thought-did-the-right-thing-hint = 欣赏商家公开处理某件事的方式，哪怕为此付出了代价。
thought-let-down = 失望
thought-let-down-hint = 觉得商家不再关心像他们这样的客户了。
thought-staff-left = 熟悉的员工走了
thought-staff-left-hint = 他们喜欢的那位员工离职了：熟客会想念熟悉的人。
words-staff-left = 以前一直为我服务的人离职了

## 客户为何离开（想法之外）
cause-drifted-away = 渐行渐远
cause-drifted-away-hint = 没有哪个特别糟糕的时刻：感情慢慢淡了，就不再来了。
cause-none = 原因未记录
cause-none-hint = 在记录下任何想法之前，他们就离开了。

## 指标：标签及一句说明
metric-active-customers = 活跃客户
metric-active-customers-hint = 尚未离开的客户：他们还会再来，或持续付费。
metric-retention = 留存率（90 天）
metric-retention-hint = 90 天前活跃的客户中，今天仍然活跃的比例。
metric-nps = NPS
metric-nps-hint = 净推荐值（NPS）：推荐者（9–10 分）占比减去贬损者（0–6 分）占比，取值从 −100 到 +100。
metric-delighted = 心情≥9 占比
metric-delighted-hint = 客户心情达到 9 分及以上（满分 10 分）的到访占比：“不低于 9 分”。
metric-reputation = 声誉
metric-reputation-hint = 来自评价的公开星级；它会吸引新客户，也会把新客户挡在门外。
metric-ndr = 净收入留存率（NDR）
metric-ndr-hint = 去年的客户今年带来的收入，与他们去年所付之比；订阅软件达到 105–110% 算健康。
metric-morale = 士气
metric-morale-hint = 员工对工作的感受（0–100%）；士气低意味着服务更慢、更差，以及离职。
metric-fatigue = 疲劳
metric-fatigue-hint = 员工因长时间工作和加班而疲惫的程度（0–100%）。
metric-turnover = 离职（近 30 天）
metric-turnover-hint = 近 30 天离职的员工；每个人都带走了自己的技能和熟客的信任。
metric-profit = 利润（本季度）
metric-profit-hint = 本季度至今的收入减去成本。
metric-cash = 现金
metric-cash-hint = 银行里的钱；归零时企业就会关门。
metric-dividends = 已付分红
metric-dividends-hint = 至今分给股东的利润。
metric-board = 董事会信心
metric-board-hint = 所有者对你的信任程度（0–100%）；跌得太低，他们就会撤换你。
metric-retained-value = 留存价值
metric-retained-value-hint = 留下来的客户带来的收入：这就是留住他们的价值。
metric-rampup-value = 增长价值
metric-rampup-value-hint = 客户留得越久买得越多，由此带来的额外收入。
metric-referral-value = 推荐价值
metric-referral-value-hint = 推荐者带来的客户所贡献的收入，无需任何营销成本。

## 本局小结（命令行）与记分卡（命令行、复盘、结束画面）
not-available = 不适用
choice-made = { $dilemma }：选择了“{ $choice }”
card-customers = 客户
card-active-at-end = 期末活跃客户
card-acquired-churned = 获客 / 流失
card-mood-wait = 到店时的平均心情 / 等待时长
card-mood-wait-value = { $mood } / { $wait } 分钟
card-nps-value = { $nps }（{ $promoters } − { $detractors }）
card-customer-mood = 全部客户的平均心情
card-stars = { $stars } 星（{ $reviews } 条评价）
card-employees = 员工
card-headcount = 员工人数
card-morale-fatigue = 士气 / 疲劳
card-quits-hires = 离职 / 入职
card-shareholders = 股东
card-revenue = 收入
card-profit = 利润
card-cash-at-end = 期末现金
run-no-days = 没有模拟任何一天。
run-ran-days = 运行了 { $days } 天
run-ended-on = 于第 { $day } 天结束：{ $why }
run-heading = { $scenario } —— { $policy }，种子 { $seed } —— { $ending }
run-decisions = 已做决策：{ $total } 项（{ $levers } 次杠杆调整，{ $choices } 次两难抉择）
run-advice-line = 第 { $day } 天：顾问——{ $advice }（杠杆：{ $lever }）
run-choice-line = 第 { $day } 天：两难抉择——{ $choice }
policy-defaults = 场景自带的杠杆设置
policy-player = 玩家
policy-resumed = 从 { $file } 继续

## 命令行
cli-wrote-days = 已将 { $n } 天的数据写入 { $file }
cli-wrote-customers = 已将 { $n } 位客户的数据写入 { $file }
cli-wrote-debrief = 已将复盘写入 { $file }
cli-saved = 已将第 { $day } 天保存到 { $file }
cli-missing-translation = 没有 { $lang } 文本，改为显示英文

## 推演（命令行、结束画面、复盘）
whatif-label = 推演：{ $change }
whatif-older-model = 这局游戏是在较早版本的模型下玩的（模型版本 { $saved }；当前版本为 { $current }），重放它的决策无法完全重现原局：下面两次推演都按当前模型重放这些决策
whatif-not-reproduced = 重放这局游戏的决策未能重现原局（第一个不同的日子：第 { $day } 天）
whatif-same = 相同的决策
whatif-choose = 在“{ $dilemma }”中选择“{ $choice }”
whatif-undo = 不做第 { $day } 天的调整（{ $levers }）
whatif-undo-n = 不做第 { $n } 次杠杆调整

## 复盘（HTML）
day-text = 第 { $day } 天：{ $text }
advice-with-lever = { $advice }（杠杆：{ $lever }）
report-title = 复盘——{ $scenario }
report-subtitle = { $policy }，种子 { $seed }，{ $ending }。
report-timeline = 决策与建议
report-kind-lever = 杠杆
report-kind-dilemma = 两难抉择
report-no-decisions = 没有任何决策改变过场景的初始杠杆。
report-charts = 本局走势（标出了各项决策）
report-solid-dashed = 实线：{ $solid } · 虚线：{ $dashed }
report-scorecards = 记分卡
report-churned = 共有 { $n } 位客户离开，按他们印象最深的原因分组。
report-silent = 在经历过问题后离开的 { $left } 位顾客中，有 { $silent } 位（{ $share }）从未投诉：企业根本不知道他们遇到过问题。
report-col-cause = 原因
report-col-customers = 客户数
report-col-share = 占比
report-col-peak = 最糟的四周
report-col-before = 此前的决策
report-peak = 第 { $day } 天起 { $n } 位
report-total = 合计
report-capital = 客户资本（最近 91 天）
report-capital-retained = 留存价值（成为客户超过一个季度者带来的收入）
report-capital-rampup = 增长价值（其中因客户消费增长而多出的部分）
report-capital-referred = 推荐价值（转介绍客户带来的收入）
report-value = 一位客户值多少
report-value-year = 成为客户的第几年
report-value-nth = 第 { $year } 年
report-value-customer-years = 客户·年
report-value-profit = 每客户每年的利润
report-value-defection = 一年内离开
report-value-text = 赢得一位新客户花费 { $acquisition }。十年里，一位新客户值 { $value }：其中 { $own } 来自他们自己的消费，另有他们带来的 { $brought } 位客户，每位又值同样多。
report-value-gain = 如果每年离开的客户少 5 个百分点，一位新客户将值 { $better }（{ $gain }）。
report-value-unmeasured = 来来去去的客户还太少，尚无法衡量一位客户的价值；玩得更久就能看出来。
lesson-finite = 资源有限，需求无限
lesson-finite-text = 有 { $lost } 位来客（{ $share }）在门口未被接待或等不下去而离开；离开的客户中，有 { $waited } 是在长时间等待之后离开的。产能是一种选择：决定为谁服务。
lesson-expectations = 先满足预期，再谈额外服务
lesson-expectations-text = 离开的客户中，{ $bloat } 是因为太多用不上的额外服务，{ $price } 是因为觉得价格太高。客户总是拿自己的预期来评判。
lesson-capital = 客户资本：留存价值、增长价值与推荐价值
lesson-capital-text = 推荐者免费带来了 { $referred } 位客户，而靠营销买来的是 { $paid } 位。净收入留存率（NDR）最终为 { $ndr }。
lesson-capital-text-cac = 推荐者免费带来了 { $referred } 位客户，而靠营销买来的是 { $paid } 位（每位付费客户的获客成本起初为 { $first }，最后为 { $last }）。净收入留存率（NDR）最终为 { $ndr }。
lesson-chain = 员工服务客户（服务利润链）
lesson-chain-text = 士气一度低至 { $morale }；{ $quits } 名员工离职，离开的客户中有 { $tired } 最后记住的是疲惫或厌烦的员工。
lesson-short-term = 从客户身上赚到的短期利润，日后要连本带利还回去
lesson-short-term-text = 第一季度利润为 { $profit }；NPS 从 { $nps_from } 变为 { $nps_to }，声誉从 { $stars_from } 星变为 { $stars_to } 星。
lesson-conflicts = 利益冲突：此刻的选择，影响多年的信任
lesson-conflicts-text = 你遇到了 { $n } 个两难抉择（{ $choices }）；离开的客户中，有 { $scandal } 是在丑闻或失望之后离开的。
lesson-health = 客户健康度：在客户离开之前行动
lesson-health-text = 离开的客户中，有 { $quiet } 没有单一原因——他们悄悄地渐行渐远。红灯客户平均每天 { $red } 位；客户成功回访能在他们离开之前联系到他们。
cli-check-as-asked = 按指定类型
cli-check-by-fields = 根据其字段判断
cli-check-by-default = 默认：字段无法判断文件类型，请用 --kind 指定
cli-kind-scenario = 场景
cli-kind-policy = 策略
cli-kind-save = 存档
cli-kind-deck = 两难抉择牌组
cli-kind-settings = 设置
cli-check-save = “{ $name }”的存档，第 { $day } 天（格式 { $format }）
cli-check-settings = 设置（界面缩放 { $scale }，每 { $days } 天自动存档）
cli-check-deck = 两难抉择牌组（{ $n } 个两难抉择）
cli-check-policy = 策略“{ $name }”（{ $n } 项调整）
cli-check-scenario = 场景“{ $name }”（{ $segments } 个客户分层，{ $days } 天，{ $dilemmas } 个两难抉择）
cli-check-read-as = { $what } [按{ $kind }读取，{ $how }]
cli-check-note = 按{ $kind }读取，{ $how }
autosave-label = 自动存档：{ $scenario }，第 { $day } 天（种子 { $seed }）

## 文件中的问题（解析器自身的措辞保持英文）
diag-error = 错误
diag-warning = 警告
diag-note = 说明
diag-cannot-read = 无法读取文件：{ $error }
diag-is-directory = 这是一个文件夹，需要的是文件
diag-too-big = 文件大小为 { $bytes } 字节，上限为 { $limit }
diag-not-utf8 = 文件不是 UTF-8 文本
diag-empty = 文件是空的
check-range = 必须在 { $lo }..={ $hi } 之间，实际为 { $got }
check-finite-range = 必须是 { $lo }..={ $hi } 之间的有限数值，实际为 { $got }
check-not-empty = 不能为空
check-english-needed = 需要一段英文文本（"en"），缺少翻译时显示它
check-words-needed = 版本 2 起必填：这门生意自己的用语（per_unit、thoughts），每种语言各一份
check-currency-needed = 版本 2 起必填：(symbol: "$", after: false)
check-close-after-open = 必须晚于 calendar.open_hour
check-whole-ticks = 营业时长（{ $minutes } 分钟）必须是时间步长的整数倍
check-demand-profile = 每个营业小时需要一个权重（{ $hours } 个），或留空；实际为 { $got } 个
check-positive-weight = 至少需要一个正的权重
check-lapse-shorter = 必须短于 revenue.period_days
check-one-segment = 至少需要一个客户分层
check-too-many-segments = 最多 { $max } 个客户分层，实际为 { $got } 个
check-shares-positive = 各分层占比之和必须大于 0
check-max-hours-above = 必须高于 staff.sustainable_weekly_hours
check-condition-weights = condition_morale + condition_rest + condition_skill 之和必须为 1，实际为 { $got }
check-too-many-changes = 最多 { $max } 项调整，实际为 { $got } 项
check-names-no-lever = 没有指定任何杠杆
check-no-such-dilemma = 没有这个两难抉择；牌组中有：{ $known }
check-no-such-choice = “{ $choice }”不是这个两难抉择的选项；可选的有：{ $known }
check-beyond-horizon = 第 { $day } 天超出了场景期限（第 0..={ $last } 天）
check-speed = 必须是 1、2、4、8 或 0（最快）之一，实际为 { $got }
check-path = 必须是非空的路径
check-at-most = 最多 { $max } 个，实际为 { $got } 个
check-id-characters = 只能包含字母、数字和 _
check-used-twice = “{ $id }”被使用了两次
check-title-situation = 标题和情境不能为空
check-to-day = 不能早于 from_day
check-above-below = 需要 `above` 或 `below`
check-finite-bounds = 边界必须是有限数值，实际为 { $got }
check-choices = 必须有 2 到 4 个选项，实际为 { $got } 个
check-choice-id = 必须存在，且在该两难抉择中唯一
check-label-known = label 和 known 不能为空
check-default-choice = “{ $id }”不是它的选项之一
check-too-many-effects = 最多 { $max } 个效果，实际为 { $got } 个
check-scale-version = ScaleLevers 需要在牌组开头写明 `version: 2`
check-scale-numbers = 只有数值可以按比例调整；请用 Levers 直接设定
check-unknown-thought = “{ $id }”不是已知的想法
check-later-depth = Later 最多嵌套 { $max } 层
save-newer = 这个存档由更新版本的 customer-first 写入（存档格式 { $format }）；当前版本只能读取格式 1 到 { $newest }，请更新
save-newer-model = 这个存档使用了更新版本的模型（{ $got }）；当前版本只支持模型版本 1 到 { $newest }，请更新
save-history = 记录了 { $days } 天，但存档位于第 { $day } 天
save-streams = 必须有 1 到 { $max } 个随机数流，实际为 { $got } 个
save-seed = 必须是 64 位十六进制数字
save-word-pos = 必须是非负整数
save-segment = 必须小于 { $segments }
save-next-id = 必须小于 next_customer_id
save-finite = 必须是有限的非负数，实际为 { $got }
save-employee-twice = 有一个员工编号出现了两次
save-id-twice = { $id } 出现了两次
save-not-employee = 不是员工
save-no-customer = 存档中没有客户 { $id }
save-not-in-deck = “{ $id }”不在牌组中
save-beyond-horizon = 超出了场景期限
save-timed-day = 必须在 { $from }..{ $to } 之间（从存档当天到期限），实际为 { $got }
save-goes-on = { $what }；游戏继续
save-needs-name = 存档需要一个名字（字母、数字、- 或 _）
save-saved = 已在第 { $day } 天开始时保存“{ $name }”
save-failed = 无法保存（{ $error }）
save-autosaved = 已在第 { $day } 天开始时自动存档
save-autosave-failed = 自动存档失败（{ $error }）
save-pending = “{ $name }”将在第 { $day } 天结束时保存（存档只在两天之间进行）
save-loaded = 已读取 { $file }（第 { $day } 天），已暂停
save-load-failed = 无法读取：{ $error }
cli-cannot-write = 无法写入{ $what }：{ $error }
cli-the-csv = CSV 文件
cli-the-report = 复盘报告
cli-the-save = 存档
cli-cannot-compare = 无法比较两局：{ $error }
cli-cannot-save = 无法保存：{ $error }
cli-save-at = 必须在 { $from }..={ $to } 之间（在本局范围内），实际为 { $got }
cli-days = 必须在 { $from }..={ $to } 之间（场景的 horizon_days），实际为 { $got }
cli-choose-form = 格式应为 两难抉择=选项（DILEMMA=CHOICE），实际为“{ $got }”
whatif-old-save = 这局游戏由旧版本保存，其决策记录没有区分哪些杠杆调整是你做的、哪些来自两难抉择，因此无法精确重玩
whatif-no-dilemma = 这个场景中没有两难抉择“{ $dilemma }”（已有：{ $known }）
whatif-no-choice = 两难抉择“{ $dilemma }”没有选项“{ $choice }”（可选：{ $known }）
whatif-nothing-to-undo = 没有可以撤销的杠杆调整
whatif-undo-range = 共有 { $n } 次杠杆调整；--undo 取值为 1..={ $n }
settings-defaults-used = 正在使用默认设置
figures-empty = 第一天结束后开始显示数据。
churned-on = 已流失（第 { $day } 天）
thought-line = 第 { $day } 天：{ $text }（{ $impact }）
dilemma-title = 两难抉择：{ $title }
series-what-if = { $name }（推演）
unit-multiple-of = × 参考值（{ $what }）
metric-customer-value = 新客户的终身价值
metric-customer-value-hint = 十年里他们自己消费和他们带来的客户所产生的利润，减去赢得他们的成本。
metric-value-gain = …若每年少流失 5 个百分点
metric-value-gain-hint = 如果每年离开的客户少 5 个百分点，一位新客户会多值多少。
customer-value-note = 利润为收入减去商品成本和服务所花的员工时间，十年内按每年 10% 折现；很少有客户到达的年份沿用最后一个测得的年份。Reichheld 与 Sasser（1990）发现，在各类服务业中，流失率降低 5 个百分点，每位客户的利润增加 25–85%。
capital-overlap = 占最近 91 天收入的比例。各项相互重叠：增长价值是留存价值的一部分，被推荐来且留下的客户同时计入两项，因此加起来不等于 100%。
