# customer-first: every word the game, the CLI and the debrief show, in English.
# Project Fluent syntax (https://projectfluent.org/fluent/guide/): `key = text`, arguments as
# { $name }, plural forms with a selector on a number. Every key here must exist in zh-CN.ftl
# too, and be used by the code (tests/catalogue.rs). Terms and style: docs/languages.md.

language-name = English

## Title screen
title = customer-first
tagline = Serve customers with finite resources. Watch who stays, who leaves, and why.
choose-scenario = Choose a business
choose-language = Language
seed = Seed (the same seed gives every team the same world)
start = Start
quit = Quit
ui-scale = UI scale
projector = Projector mode
projector-hint = For a room: a large UI, high contrast, the three groups' meters and the main chart big, the feed folded away; the floor stays in view.
load-a-save = Continue a saved game:
settings-problem = The settings file has a problem; the defaults are used:

## Clock bar and menu
day = Day
day-n = Day { $day }
quarter-n = Quarter { $n }
paused = PAUSED
pause = Pause
resume = Resume
speed = Speed
fastest = fastest
menu = Menu
keys-help = Space pause · 1-5 speed · Tab next panel · arrows move in it · Esc menu
end-here = End the game here and see the debrief
save-as = Save as
save = Save

## Panels
levers = Levers
levers-keys = keys: Up/Down choose, Left/Right change
levers-wait = Answer the dilemma first; the levers wait for it.
stakeholders = Stakeholders
charts = Charts
capital = Customer capital
feed = What happened
customers = Customers
employees = Employees
shareholders = Shareholders
last-quarter = Revenue in the last 91 days
chart-empty = The charts start when the first day ends.
decisions = decisions
cost-per-day = ≈ { $amount }/day
revenue-per-day = revenue { $amount }/day
on = on
off = off
unit-per-unit = { $amount } { $per }
unit-per-hour = { $amount }/hour
unit-staff = people (cost: one more person)
unit-overtime = hours/day each
unit-extras = unrequested features
unit-outreach = staff time to red-health customers

## The floor
entrance = IN
exit = OUT
queue = queue
waiting-more = +{ $n } more waiting
legend-mood = Mood:
the-book = Your customers (one dot each, coloured by mood): { $total }
the-book-sampled = Your customers (one dot each, coloured by mood) - a representative sample of { $total }

## Inspector
inspector = Inspector
no-selection = Click a customer or a member of staff
segment = Segment
tenure-days = Customer for (days)
visits = Visits
spend = Total spend
health = Health
mood-history = Mood after recent visits
thoughts = Recent thoughts
new-customer = A first-time visitor (no history yet)
churned = Has left
staff-member = Staff member
skill = Skill
wage = Wage vs market
overtime-days = Days with overtime

## Dilemmas, advisor, feed
what-you-know = What you know
advisor = Advisor
churned-today = { $n ->
    [one] 1 customer left today
   *[other] { $n } customers left today
}
quits-today = { $n ->
    [one] 1 employee quit
   *[other] { $n } employees quit
}
hires-today = { $n ->
    [one] 1 new employee started
   *[other] { $n } new employees started
}
board-warning = The board is losing patience ({ $share })
milestone = { $n } active customers
chose = You chose: { $choice }
lever-changed = Lever changed: { $levers }
dilemma-effect = Because of your choice: { $levers }
consequence-came = What followed your choice “{ $choice }” (“{ $dilemma }”, day { $day }): { $effects }
effect-cash = cash { $amount }
effect-dividend = a dividend of { $amount } to the owners
effect-morale = staff morale { $points } points
effect-reviews = { $count } reviews of { $stars }★
effect-customers = { $share } of customers felt it
effect-board = the board's confidence { $points } points
effect-recall = a recall of the defect
referrals-week = { $n ->
    [one] This week a promoter brought a new customer
   *[other] This week promoters brought { $n } new customers
}
advice-line = Advisor: { $advice } (Levers → { $lever })
feed-line = Day { $day }: { $text }
feed-take-over = You take over { $name }: { $customers } customers, { $staff } staff. Watch the floor, and answer the decisions as they come.
feed-customer-left = Customer #{ $id } ({ $group }), with you { $days } days, left: { $cause }
feed-click-customer = Click: see this customer in the inspector and this day on the charts
feed-click-day = Click: mark this day on the charts
chart-feed-day = day { $day } (from the feed)

## End screen and what-if
game-over = The game is over
play-again = Play again (same seed)
back-to-title = Back to title
export-debrief = Save the debrief (HTML)
why-they-left = Why customers left
lessons = Lessons
run-charts = Your game
run-charts-key = Yellow lines: your decisions. Dashed: the what-if.
whatif-heading = What if…
whatif-intro = Replay this game from day 0 with one decision changed: the same customers, the same luck, every other decision the same. Dilemmas the replay meets that your game did not are answered with their default.
you-chose = Day { $day } · { $dilemma }: you chose “{ $choice }”
try-choice = Try “{ $choice }”
undo = Undo
replaying = Replaying day { $day } of { $days }
identical-all = The two runs are identical, day for day: the change made no difference by the end.
identical-until = Identical until day { $day }, different from that day on.
differ-from-start = Different from day 0 on.
this-game = this game
what-if-col = what-if
difference = difference
points-difference = { $n } points
at-the-end = At the end
nothing-to-change = No decision was taken in this game, so there is nothing to change.

## Levers: name and one line on what it trades
lever-price = Price
lever-price-hint = What a visit costs the customer: more revenue per visit, but a rise is remembered and the price-sensitive leave.
lever-wage = Wage
lever-wage-hint = Pay against the market: better pay keeps staff and their morale, and costs every hour.
lever-training = Training
lever-training-hint = Time and money spent on skills: fewer mistakes and faster service, paid every day.
lever-quality = Quality
lever-quality-hint = What goes into each product: closer to what customers expect, at a cost per visit.
lever-marketing = Marketing
lever-marketing-hint = Spending to reach new customers: more first visits, none of them loyal yet.
lever-staff = Staff
lever-staff-hint = People on the floor: shorter queues and less fatigue, and a wage each.
lever-overtime = Overtime
lever-overtime-hint = Extra hours from the same people: capacity today, tiredness and quits later.
lever-service-level = Service level
lever-service-level-hint = Finish the task, a little extra, or customer obsession: how far beyond expectation you go, and what it costs.
lever-extras = Extras
lever-extras-hint = Features nobody asked for: a few surprise, too many distract and cost.
lever-recovery = Complaints policy
lever-recovery-hint = How complaints are put right: generous recovery wins customers back, at a price.
lever-outreach = Customer success outreach
lever-outreach-hint = Staff time spent calling customers in poor health before they leave.
lever-dividend = Dividend
lever-dividend-hint = The share of each quarter's profit paid to shareholders instead of kept as cash.
level-task = Finish the task
level-extra = A little extra
level-obsession = Customer obsession
recovery-strict = Strict
recovery-fair = Fair
recovery-generous = Generous
hours = { $n } h
list-separator = {", "}
settings-not-saved = Could not save the settings to { $file }: { $error }

## Charts (titles and series)
chart-active-customers-and-churn = Active customers and churn
chart-retention-and-nps = Retention and NPS
chart-reputation-stars = Reputation (stars)
chart-cash-and-profit = Cash and profit
chart-revenue-and-costs-per-day = Revenue and costs per day
chart-morale-and-fatigue = Morale and fatigue (%)
chart-new-customers-per-day = New customers per day
chart-active-customers-and-churn-hint = Customers still with you, and how many left each day. Good: the line rises or holds while churn stays low and steady.
chart-retention-and-nps-hint = The share of customers kept over 90 days, and promoters minus detractors. Good: retention above 90% and NPS above +30.
chart-reputation-stars-hint = The public star rating from reviews, which brings or keeps away newcomers. Good: 4.5 stars or more, and not falling.
chart-cash-and-profit-hint = Money in the bank and this quarter's profit so far. Good: cash that never nears zero and a profit that meets the board's expectation.
chart-revenue-and-costs-per-day-hint = What each day brought in and what it cost. Good: revenue above costs, with the gap widening.
chart-morale-and-fatigue-hint = How the staff feel and how tired they are. Good: morale above 70% and fatigue below 30%.
chart-new-customers-per-day-hint = New customers each day, from marketing, walk-ins and referrals. Good: a growing share from referrals, which cost nothing.
series-active-customers = active customers
series-churned-per-day = churned per day
series-retention-90-days = retention 90 days (%)
series-nps = NPS
series-reputation = reputation
series-cash = cash
series-profit-28-day-sum = profit, 28-day sum
series-revenue = revenue
series-costs = costs
series-morale = morale
series-fatigue = fatigue
series-paid = paid
series-referred = referred
series-walk-in = walk-in

## The advisor
advice-capacity-below-demand = Capacity is below demand: waits are rising and people leave the queue. Finite resources need choosing where they go.
advice-customers-going-quiet = More customers are going quiet: act before they leave; keeping one costs far less than winning one.
advice-tired-team = Morale is falling under sustained overtime: tired staff serve worse, and customers feel it.
advice-feature-bloat = Customers forgive what they did not expect, but too much distracts: expectations first, extras second.
advice-borrowing-from-the-future = Profit is up while NPS falls: you may be borrowing from future customers.

## Why the game ended
end-horizon = the scenario's horizon was reached
end-cash = the business ran out of cash
end-board = the board lost confidence and replaced you
end-player = you ended the game here

## Thoughts: a label and one line on each (what customers say is the scenario's own words)
thought-long-wait = Long wait
thought-long-wait-hint = Waited much longer than they expected; waits hurt more than they feel fair.
thought-turned-away = Turned away
thought-turned-away-hint = Saw the queue at the door and left without being served.
thought-gave-up-waiting = Gave up waiting
thought-gave-up-waiting-hint = Joined the queue, ran out of patience and left.
thought-price-up = Price rise
thought-price-up-hint = Noticed the price went up; a rise is remembered longer than a cut.
thought-too-expensive = Too expensive
thought-too-expensive-hint = Felt the price was too high for what they got.
thought-poor-quality = Poor quality
thought-poor-quality-hint = The product fell short of what they expected.
thought-tired-staff = Tired staff
thought-tired-staff-hint = The staff seemed tired or fed up: employees' state shows in the service.
thought-service-error = Service error
thought-service-error-hint = Something went wrong with the order or the service.
thought-small-surprise = Small surprise
thought-small-surprise-hint = Got a little more than they asked for, where it mattered: 0.1 beyond expectation.
thought-missed-the-extras = Missed the extras
thought-missed-the-extras-hint = Used to get little extras and no longer does: yesterday's surprise is today's expectation.
thought-too-many-extras = Too many extras
thought-too-many-extras-hint = Too many things they do not need: extras that distract instead of delight.
thought-complaint-resolved = Complaint put right
thought-complaint-resolved-hint = Complained and the business put it right: a good recovery can win more loyalty than no problem at all.
thought-complaint-brushed-off = Complaint brushed off
thought-complaint-brushed-off-hint = Complained and nothing came of it: the worst outcome of a complaint.
thought-checked-in = Checked in on
thought-checked-in-hint = Someone from the business got in touch before they had to ask.
thought-closed-on-me = Closed on them
thought-closed-on-me-hint = The business closed while they were still waiting.
thought-scandal = Scandal
thought-scandal-hint = Heard about a scandal: trust lost in public takes years to win back.
thought-did-the-right-thing = Did the right thing
thought-did-the-right-thing-hint = Liked how the business handled something in public, even at a cost.
thought-let-down = Let down
thought-let-down-hint = Feels the business stopped caring about customers like them.
thought-staff-left = Their server left
thought-staff-left-hint = The employee they liked being served by has left: regulars miss the people they know.
thought-bad-moment = A bad moment
thought-bad-moment-hint = One step of the visit went wrong; the worst moment and the last weigh most in what they remember.
thought-good-moment = A moment to remember
thought-good-moment-hint = One step of the visit went better than they hoped: it lifts the visit, less than a bad moment lowers it.
words-staff-left = the person who always served me has left

## Why customers left (besides a thought)
cause-drifted-away = Drifted away
cause-drifted-away-hint = No single bad moment: their attachment faded and they stopped coming.
cause-none = No recorded cause
cause-none-hint = They left before any thought was recorded.

## Metrics: a label and one line on each
metric-active-customers = Active customers
metric-active-customers-hint = Customers who have not left: they come back or keep paying.
metric-retention = Retention (90 days)
metric-retention-hint = Of the customers active 90 days ago, the share still active today.
metric-nps = NPS
metric-nps-hint = Net promoter score: promoters (9–10) minus detractors (0–6), in points from −100 to +100.
metric-delighted = Mood 9+
metric-delighted-hint = The share of visits that left the customer at 9 or more out of 10: "never below 9".
metric-reputation = Reputation
metric-reputation-hint = The public star rating from reviews; it brings or keeps away new customers.
metric-ndr = Net dollar retention
metric-ndr-hint = Revenue this year from last year's customers, against what they paid then; 105–110% is healthy for subscription software.
metric-morale = Morale
metric-morale-hint = How the staff feel about the job (0–100%); low morale means slower, worse service and quits.
metric-fatigue = Fatigue
metric-fatigue-hint = How tired the staff are from long days and overtime (0–100%).
metric-turnover = Quits (last 30 days)
metric-turnover-hint = Employees who left in the last 30 days; each takes their skill and their regulars' trust.
metric-profit = Profit (this quarter)
metric-profit-hint = Revenue minus costs so far this quarter.
metric-cash = Cash
metric-cash-hint = Money in the bank; at zero the business closes.
metric-dividends = Dividends paid
metric-dividends-hint = Profit paid to shareholders so far.
metric-board = Board confidence
metric-board-hint = How much the owners trust you (0–100%); if it falls too low, they replace you.
metric-retained-value = Retention value
metric-retained-value-hint = Revenue from customers who stayed: what keeping them is worth.
metric-rampup-value = Ramp-up value
metric-rampup-value-hint = Extra revenue from customers who buy more the longer they stay.
metric-referral-value = Referral value
metric-referral-value-hint = Revenue from customers that promoters brought in, at no marketing cost.

## The run's summary (CLI) and scorecards (CLI, debrief, end screen)
not-available = n/a
choice-made = { $dilemma }: chose “{ $choice }”
card-customers = CUSTOMERS
card-active-at-end = Active at end
card-acquired-churned = Acquired / churned
card-mood-wait = Mean mood at visits / wait
card-mood-wait-value = { $mood } / { $wait } min
card-nps-value = { $nps } ({ $promoters } − { $detractors })
card-customer-mood = Mean mood, all customers
card-stars = { $stars } stars ({ $reviews } reviews)
card-employees = EMPLOYEES
card-headcount = Headcount
card-morale-fatigue = Morale / fatigue
card-quits-hires = Quits / hires
card-shareholders = SHAREHOLDERS
card-revenue = Revenue
card-profit = Profit
card-cash-at-end = Cash at end
run-no-days = No day was simulated.
run-ran-days = ran { $days } days
run-ended-on = ended on day { $day }: { $why }
run-heading = { $scenario } — { $policy }, seed { $seed } — { $ending }
run-decisions = decisions taken: { $total } ({ $levers ->
    [one] 1 lever change
   *[other] { $levers } lever changes
}, { $choices ->
    [one] 1 dilemma choice
   *[other] { $choices } dilemma choices
})
run-advice-line = day { $day }: advisor — { $advice } (lever: { $lever })
run-choice-line = day { $day }: dilemma — { $choice }
policy-defaults = the scenario's own levers
policy-player = the player
policy-resumed = resumed from { $file }

## The command line
cli-wrote-days = wrote { $n } days to { $file }
cli-wrote-customers = wrote { $n } customers to { $file }
cli-wrote-debrief = wrote the debrief to { $file }
cli-saved = saved day { $day } to { $file }
cli-missing-translation = no { $lang } text; English is shown instead

## What-if (CLI, end screen, debrief)
whatif-label = what if: { $change }
whatif-older-model = this game was played under an earlier version of the model (version { $saved }; this build runs version { $current }), so replaying its decisions cannot reproduce it exactly: both runs below replay them under today's model
whatif-not-reproduced = replaying this game's decisions does not reproduce it (first different day: { $day })
whatif-same = the same decisions
whatif-choose = choose “{ $choice }” at “{ $dilemma }”
whatif-undo = without the day-{ $day } change ({ $levers })
whatif-undo-n = without lever change { $n }

## The debrief (HTML)
day-text = day { $day }: { $text }
advice-with-lever = { $advice } (lever: { $lever })
report-title = Debrief — { $scenario }
report-subtitle = { $policy }, seed { $seed }, { $ending }.
report-timeline = Decisions and advice
report-kind-lever = lever
report-kind-dilemma = dilemma
report-no-decisions = No decision changed the scenario's starting levers.
report-charts = The run, with decisions marked
report-solid-dashed = solid: { $solid } · dashed: { $dashed }
report-scorecards = Scorecards
report-churned = { $n ->
    [one] 1 customer left, grouped by the cause they remembered most.
   *[other] { $n } customers left, grouped by the cause they remembered most.
}
report-silent = { $silent } of the { $left } customers who left after something went wrong ({ $share }) never complained: the business never heard about their problem.
report-col-cause = cause
report-col-customers = customers
report-col-share = share
report-col-peak = worst four weeks
report-col-before = decisions before it
report-peak = { $n } from day { $day }
report-total = total
report-capital = Customer capital (last 91 days)
report-capital-retained = Retention value (revenue from customers of more than a quarter)
report-capital-rampup = Ramp-up value (the part due to their spend having grown)
report-capital-referred = Referral value (revenue from referred customers)
report-value = What a customer is worth
report-value-year = Year as a customer
report-value-nth = Year { $year }
report-value-customer-years = Customer-years
report-value-profit = Profit per customer-year
report-value-defection = Leaving in a year
report-value-text = Winning a new customer cost { $acquisition }. Over ten years, a new customer is worth { $value }: { $own } from their own purchases, and { $brought } customers they bring, each worth as much again.
report-value-gain = If every year 5 points fewer customers left, a new customer would be worth { $better } ({ $gain }).
report-value-unmeasured = Too few customers have come and gone yet to measure what one is worth: a longer game will tell.
lesson-finite = Finite resources vs unlimited demand
lesson-finite-text = { $lost } visitors ({ $share }) turned away at the door or gave up waiting; { $waited } of the customers who left did so after a long wait. Capacity is a choice about who gets served.
lesson-expectations = Expectations first, extras second
lesson-expectations-text = { $bloat } of departures followed too many extras they did not need; { $price } followed a price they found too high. Customers judge against what they expected.
lesson-capital = Customer capital: retention, ramp-up and referral value
lesson-capital-text = Promoters brought { $referred } customers for free against { $paid } bought with marketing. Net dollar retention ended at { $ndr }.
lesson-capital-text-cac = Promoters brought { $referred } customers for free against { $paid } bought with marketing (cost per paid customer { $first } at first, { $last } at the end). Net dollar retention ended at { $ndr }.
lesson-chain = Employees serve customers (the service-profit chain)
lesson-chain-text = Morale went as low as { $morale }; { $quits } employees quit and { $tired } of departing customers last remembered tired or fed-up staff.
lesson-short-term = Short-term profit taken from customers is paid back later with interest
lesson-short-term-text = First-quarter profit was { $profit }; NPS moved from { $nps_from } to { $nps_to } and reputation from { $stars_from } to { $stars_to } stars.
lesson-conflicts = Conflicts of interest: the choice made shapes trust for years
lesson-conflicts-text = You met { $n } dilemmas ({ $choices }); { $scandal } of departures followed a scandal or a let-down.
lesson-health = Customer health: act before they leave
lesson-health-text = { $quiet } of departures had no single cause — customers drifted away quietly. Red-health customers averaged { $red } a day; customer-success outreach reaches them before they go.
cli-check-as-asked = as asked
cli-check-by-fields = by its fields
cli-check-by-default = by default: its fields name no kind; see --kind
cli-kind-scenario = scenario
cli-kind-policy = policy
cli-kind-save = save
cli-kind-deck = deck
cli-kind-settings = settings
cli-check-save = save of "{ $name }" at day { $day } (format { $format })
cli-check-settings = settings (ui_scale { $scale }, autosave every { $days } days)
cli-check-deck = dilemma deck ({ $n ->
    [one] 1 dilemma
   *[other] { $n } dilemmas
})
cli-check-policy = policy "{ $name }" ({ $n ->
    [one] 1 change
   *[other] { $n } changes
})
cli-check-scenario = scenario "{ $name }" ({ $segments } segments, { $days } days, { $dilemmas } dilemmas)
cli-check-read-as = { $what } [read as a { $kind }, { $how }]
cli-check-note = read as a { $kind }, { $how }
autosave-label = Autosave: { $scenario }, day { $day } (seed { $seed })

## Problems in files (the parser's own wording stays English)
diag-error = error
diag-warning = warning
diag-note = note
diag-cannot-read = cannot read the file: { $error }
diag-is-directory = is a directory, expected a file
diag-too-big = the file is { $bytes } bytes; the limit is { $limit }
diag-not-utf8 = the file is not UTF-8 text
diag-file-io = { $file }: { $error }
diag-file-not-a-file = { $file }: { $kind ->
    [folder] is a directory, expected a file
    [link] is a link; a link is never written through
    [pipe] is a named pipe, not a file
    [device] is a device, not a file
    [socket] is a socket, not a file
   *[other] is not a regular file
}
diag-file-too-big = { $file }: the file has more than { $limit } bytes, the limit for this kind of file
diag-too-big-read = the file has more than { $limit } bytes, the limit for this kind of file
diag-not-a-file-folder = is a directory, expected a file
diag-not-a-file-link = is a link; a link is never written through
diag-not-a-file-pipe = is a named pipe, not a file: skipped
diag-not-a-file-device = is a device, not a file: skipped
diag-not-a-file-socket = is a socket, not a file: skipped
diag-not-a-file-other = is not a regular file: skipped
diag-empty = the file is empty
check-range = must be in { $lo }..={ $hi }, got { $got }
check-finite-range = must be a finite number in { $lo }..={ $hi }, got { $got }
check-not-empty = must not be empty
check-english-needed = needs an English text ("en"), shown where a translation is missing
check-words-needed = needed from version 2: the business's words (per_unit, thoughts) in each language
check-currency-needed = needed from version 2: (symbol: "$", after: false)
check-close-after-open = must be after calendar.open_hour
check-whole-ticks = the opening hours ({ $minutes } minutes) must be a whole number of ticks
check-demand-profile = must have one weight per opening hour ({ $hours }) or be empty, got { $got }
check-positive-weight = needs at least one positive weight
check-lapse-shorter = must be shorter than revenue.period_days
check-one-condition = needs at least one condition
check-condition-bound = needs at_least, at_most or both
check-condition-order = at_least must not be above at_most
check-ndr-subscription = net dollar retention needs a subscription business (revenue: Subscription)
check-one-segment = needs at least one segment
check-too-many-segments = at most { $max } segments, got { $got }
check-shares-positive = the shares must add up to more than 0
check-max-hours-above = must be above staff.sustainable_weekly_hours
check-condition-weights = condition_morale + condition_rest + condition_skill must add up to 1, got { $got }
check-too-many-changes = at most { $max } changes, got { $got }
check-names-no-lever = names no lever
check-no-such-dilemma = no such dilemma; the deck has: { $known }
check-no-such-choice = "{ $choice }" is not a choice of this dilemma; it has: { $known }
check-beyond-horizon = day { $day } is beyond the scenario's horizon (days 0..={ $last })
check-speed = must be one of 1, 2, 4, 8 or 0 (fastest), got { $got }
check-path = must be a non-empty path
check-at-most = at most { $max }, got { $got }
check-id-characters = must be letters, digits and _ only
check-used-twice = "{ $id }" is used twice
check-title-situation = title and situation must not be empty
check-to-day = must not be before from_day
check-above-below = needs `above` or `below`
check-finite-bounds = bounds must be finite numbers, got { $got }
check-choices = must have 2 to 4 choices, got { $got }
check-choice-id = must be present and unique within the dilemma
check-label-known = label and known must not be empty
check-default-choice = "{ $id }" is not one of its choices
check-too-many-effects = at most { $max } effects, got { $got }
check-scale-version = ScaleLevers needs `version: 2` at the top of the deck
check-dividend-version = Dividend needs `version: 4` at the top of the deck
check-recall-version = Recall needs deck version 5
check-stage-count = needs between 1 and { $most } stages
check-defect-twice = another defect already has the id "{ $id }"
check-recall-unknown = recalls "{ $id }", which is not one of the scenario's defects
check-scale-numbers = only numbers can be scaled; use Levers to set it
check-unknown-thought = "{ $id }" is not a known thought
check-later-depth = Later may nest at most { $max } deep
save-newer = this save was written by a newer version of customer-first (save format { $format }); this build reads formats 1 to { $newest }: please update
save-newer-model = this save was played under a newer version of the model ({ $got }); this build runs versions 1 to { $newest }: please update
save-history = has { $days } days, but the save is at day { $day }
save-streams = must have 1 to { $max } streams, got { $got }
save-seed = must be 64 hexadecimal digits
save-word-pos = must be a non-negative integer
save-segment = must be below { $segments }
save-next-id = must be below next_customer_id
save-employee-twice = an employee id appears twice
save-id-twice = { $id } appears twice
save-id-missing = customer { $id } is missing: every customer ever acquired is kept, with ids 0 to next_customer_id − 1
save-not-employee = is not an employee
save-no-customer = customer { $id } is not in the save
save-not-in-deck = "{ $id }" is not in the deck
save-beyond-horizon = is beyond the scenario's horizon
save-timed-day = must be in { $from }..{ $to } (from the save's day to the horizon), got { $got }
save-goes-on = { $what }; the game goes on
save-needs-name = a save needs a name (letters, digits, - or _)
save-saved = saved "{ $name }" at the start of day { $day }
save-failed = could not save ({ $error })
save-autosaved = autosaved at the start of day { $day }
save-autosave-failed = autosave failed ({ $error })
save-pending = "{ $name }" will be saved when day { $day } ends (saves are taken between days)
save-loaded = loaded { $file } (day { $day }); paused
save-load-failed = could not load: { $error }
cli-output-twice = names the same file as { $other }: one file cannot hold both
cli-output-is-input = is a file this command reads: writing it would replace it
cli-output-not-page = is a file that is not a web page (a results file, a save, a scenario?): a page may replace only a page; choose another name
no-display = there is no display to open the game's window on (DISPLAY is not set): run it on a desktop, or play headless with `customer-first run`
no-display-server = no display server answers at DISPLAY={ $display }: start one (or set DISPLAY to one that runs), or play headless with `customer-first run`
cli-bad-speed = expected 1, 2, 4, 8 or 0 (fastest), got { $got }
cli-cannot-write = cannot write { $what }: { $error }
cli-the-csv = the CSV
cli-the-report = the report
cli-the-save = the save
cli-cannot-compare = cannot compare the runs: { $error }
cli-cannot-save = cannot save: { $error }
cli-save-at = must be in { $from }..={ $to } (within the run), got { $got }
cli-days = must be in { $from }..={ $to } (the scenario's horizon_days), got { $got }
cli-choose-form = expected DILEMMA=CHOICE, got "{ $got }"
whatif-old-save = this game was saved by an older version, whose decision log does not say which lever changes were yours and which followed from a dilemma, so it cannot be replayed exactly
whatif-no-dilemma = no dilemma "{ $dilemma }" in this scenario (known: { $known })
whatif-no-choice = dilemma "{ $dilemma }" has no choice "{ $choice }" (choices: { $known })
whatif-nothing-to-undo = there is no lever change to undo
whatif-undo-range = there are { $n } lever changes; --undo takes 1..={ $n }
settings-defaults-used = using the default settings
figures-empty = The figures start when the first day ends.
churned-on = Has left (day { $day })
thought-line = Day { $day }: { $text } ({ $impact })
dilemma-title = A decision — { $title }
series-what-if = { $name } (what-if)
unit-now = = { $now } (reference { $reference })
unit-per-employee-day = { $amount } per employee a day
unit-goods-per-unit = { $amount } of goods { $per }
unit-per-day = { $amount } a day
unit-dividend-now = { $share } of each quarter's profit paid out
metric-customer-value = A new customer's lifetime value
metric-customer-value-hint = Profit from their own purchases and from the customers they bring, over ten years, less what winning them cost.
metric-value-gain = …if 5 points fewer left each year
metric-value-gain-hint = How much more a new customer would be worth if every year 5 points fewer customers left.
customer-value-note = Profit is revenue less goods and the staff time spent serving, over ten years discounted at 10% a year; years few customers reach borrow the last measured year. Reichheld & Sasser (1990) found 5 points less defection worth 25–85% more profit per customer across service businesses.
capital-overlap = Shares of the last 91 days' revenue. They overlap: ramp-up value is part of retention value, and a referred customer who stays counts in both, so they do not add up to 100%.

## The briefing before play, the help overlay (F1) and the first-run guide.
briefing-title = Your business: { $name }
briefing-wants = What each group wants
briefing-customers-default = Good service without a long wait, at a fair price. Those who were pleased come back and bring others; those let down leave.
briefing-employees-default = A fair wage, a workload they can keep up and training. Tired, unhappy staff serve worse and quit.
briefing-shareholders-default = Profit every quarter, growing year on year, and a share of it as dividends. The board's confidence rises when you beat its expectation and falls faster when you miss it.
briefing-board = The board expects { $profit } of profit in the first quarter, and { $growth } more each year.
briefing-ends-title = How the game ends
briefing-ends = The game lasts { $days } days. It ends sooner if the cash runs out or the board's confidence falls to zero; you can also end it from the menu (Esc) and go to the debrief.
briefing-help = Press F1 at any time for the keys and what each figure means.
briefing-begin = Begin (Enter)
help-title = Help
help-keys = Keys
help-key-space = Space
help-do-space = Pause or resume time.
help-key-digits = 1 – 5
help-do-digits = Speed: 1×, 2×, 4×, 8×, fastest.
help-key-tab = Tab
help-do-tab = Move to the next panel: levers, the book of customers, stakeholders, charts, the feed.
help-key-arrows = Arrows
help-do-arrows = Move within the panel: choose a lever (up, down) and change it (left, right); pick a customer in the book; switch charts.
help-key-card = 1 – 4 on a decision card
help-do-card = Take that choice (the clock waits for it).
help-key-click = Click
help-do-click = On a person on the floor or a dot in the book: see who they are and what they think.
help-key-esc = Esc
help-do-esc = The menu: save, load, UI scale, end the game and see the debrief.
help-key-f1 = F1
help-do-f1 = This help (F1 or Esc closes it).
help-key-enter = Enter
help-do-enter = Begin after the briefing; go on in the guide.
help-key-s = S
help-do-s = Skip the guide.
help-floor-title = Reading the floor
help-floor = Customers come in at the door, wait in the queue, are served at the counter, may sit a while, and leave by the way out. Their clothes show their group; their face shows their mood, from angry through sad, neutral and content to delighted (the colour says the same). A bubble over a head says what they thought: an hourglass for a long wait, a no-entry sign for turning away at the door, a coin for the price, a cross for a mistake, a Z for tired staff, a star for a pleasant surprise, a plus for extras they did not want, a tick for a complaint put right, a heart for a happy customer, a broken heart for one let down. Staff wear aprons; their face shows their morale, the bar under them their fatigue, and a drop of sweat that they are worn out. Above the room, the book shows every customer as a dot coloured by mood.
help-meters = What the figures mean
help-close = Close (F1)
guide-step = Guide · step { $n } of { $total }
guide-floor = This is your business. Customers come in at the door on the left, queue, are served at the counter and leave; their faces show how they feel. Above, every customer you have is a dot. Press Enter when you have had a look.
guide-customer = Click a customer on the floor or a dot in the book (or press Tab to reach the book, then the arrows) to see who they are and what they think.
guide-meters = Your three groups: customers, employees and shareholders. Every choice you make trades one against another. Hover a figure to see what it measures. Press Enter to go on.
guide-lever = Change one lever: drag a slider, or press Tab to reach the levers, Up and Down to choose one and Left or Right to change it. Hover a lever to see who gains and who pays.
guide-speed = Let time run faster: press 2 for 2×, 3 for 4× (or click the speeds above). Space pauses.
guide-result = Two weeks ago you changed { $lever } from { $from } to { $to }. The week before the change against the last week:
guide-result-replayed = Two weeks ago you changed { $lever } from { $from } to { $to }. The game has replayed these weeks without your change. The last week without it → with it:
guide-result-wait = You changed { $lever } from { $from } to { $to }. Let the days run: in { $days } days the guide shows what the change did to your customers, your team and your profit.
guide-result-replaying = Two weeks ago you changed { $lever } from { $from } to { $to }. The game is replaying these weeks without your change, to compare…
guide-result-mood = mood of the visits: { $before } → { $after }
guide-result-wait-min = wait: { $before } → { $after } min
guide-result-revenue = revenue a day: { $before } → { $after }
guide-result-profit = profit a day: { $before } → { $after }
guide-result-morale = team morale: { $before } → { $after }
guide-result-next = Some effects take longer: a customer's next visit, the next quarter's board meeting. Press Enter to go on.
guide-dilemma = Sooner or later a decision card comes and the clock waits for you. Choose with 1–4 or a click. After that you are on your own: F1 shows the help at any time.
guide-next = Next (Enter)
guide-skip = Skip the guide (S)

## Sweeps (customer-first sweep)
sweep-vary-form = expected NAME=FROM..TO:STEP or NAME=A,B,C, got "{ $got }"
sweep-vary-not-number = { $name } takes numbers, got "{ $got }"
sweep-vary-range-form = { $name }: expected FROM..TO:STEP (numbers, e.g. 0.8..1.2:0.1), got "{ $got }"
sweep-vary-step = { $name }: the step must be above 0, got { $got }
sweep-vary-empty = { $name }: the range { $got } is empty (TO is below FROM)
sweep-vary-whole = { $name } takes whole numbers, got "{ $got }"
sweep-vary-too-many = { $name }: { $n } values is more than { $max }; use a larger step
sweep-vary-choice = { $name }: "{ $got }" is not one of { $allowed }
sweep-vary-outside = { $name } { $value } is outside { $lo }..={ $hi }
sweep-vary-twice = { $name }: the value { $value } is listed twice
sweep-vary-same = { $name } is varied twice
sweep-vary-unknown = there is no lever or scenario field "{ $name }"; levers: { $levers }; scenario fields as in docs/scenario-format.md (market.walk_ins_per_day, segments[0].share…)
sweep-vary-unknown-near = there is no lever or scenario field "{ $name }"; did you mean { $near }? (levers: { $levers })
sweep-vary-not-variable = { $name } cannot be varied: only numbers and choices can
sweep-vary-no-such-item = { $name } is not in this scenario (is the index within its list?)
sweep-vary-bad-value = with { $values } the scenario is not valid: { $problem }
sweep-no-seeds = --seeds must be at least 1
sweep-too-many = { $n } runs is more than { $max }; vary fewer values
sweep-threads = --threads must be at least 1
sweep-shard-form = expected K/N (1 ≤ K ≤ N), auto or auto/N, got "{ $got }"
sweep-shard-range = shard { $got }: K must be in 1..={ $n }
sweep-shard-no-env = --shard auto: neither SLURM_ARRAY_TASK_ID (Slurm) nor JOB_COMPLETION_INDEX (Kubernetes) is set; give K/N instead
sweep-shard-env-count = --shard auto: { $name } is set but the number of shards is not; use --shard auto/N
sweep-shard-env-number = --shard auto: { $name } is "{ $got }", not a whole number of 0 or more
sweep-shard-env-range = --shard auto: { $name } gives shard { $index } (counted from 0), but there are { $n } shards
sweep-start = sweep { $id }: { $combinations } combinations × { $seeds } seeds = { $runs } runs of { $days } days, on { $threads } threads; this shard ({ $shard }) runs { $mine }
sweep-progress = { $done } / { $total } runs · { $rate } runs/s · { $left } left
sweep-wrote = wrote { $n } rows to { $file }
sweep-stopped = stopped: { $file } holds { $n } whole rows, { $missing } are missing ({ $sidecar } says which); run the same command with --resume to finish it
sweep-merged = merged { $n } rows from { $files } files into { $file }
sweep-io = { $file }: { $error }
sweep-resume-bad-sidecar = { $file } cannot be read: { $error }
sweep-resume-other = { $file } belongs to another sweep ({ $theirs }; this one is { $ours }): the scenario, policy, values, seeds, days or shard differ; run without --resume to start again
sweep-resume-header = { $file } does not start with this sweep's columns; run without --resume to start again
sweep-resume-row = { $file }, line { $line }: not the row this sweep expects there; run without --resume to start again
sweep-resume-no-sidecar = { $file } is missing, so there is nothing to resume; run without --resume to start again
sweep-merge-none = no files to merge
sweep-merge-not-sweep = { $file } is not a sweep's CSV (its first columns are not sweep, run, runs, seed)
sweep-merge-columns = { $file } has other columns than { $other }: not the same sweep
sweep-merge-other-sweep = { $file }, line { $line }: a row of sweep { $theirs }, but the others are of sweep { $ours }
sweep-merge-row = { $file }, line { $line }: a bad row (its { $problem })
sweep-merge-twice = run { $run } is in both { $file } and { $other }: the same shard was given twice, or the shards overlap
sweep-merge-missing = { $n } of { $total } runs are missing ({ $runs }): a shard was not given or not finished
sweep-merge-unfinished = { $file } is unfinished ({ $sidecar } is beside it): finish it with --resume first
sweep-col-runs = runs
sweep-col-retention = retention 90d %
sweep-col-customers = customers
sweep-col-nps = NPS
sweep-col-morale = morale %
sweep-col-profit = profit
sweep-col-cash = cash at end
sweep-col-ended-early = ended early

## What each decision did (whatif --each, the debrief, the end screen)
impact-each-form = expected a number of decisions (1 or more) or all, got "{ $got }"
impact-progress = replaying without each decision: { $done } / { $total }
impact-stopped = stopped before every decision was measured
impact-heading = What each decision did ({ $n } replays): the run as played minus the run without the decision, on day { $day }
impact-ended-without = {" "}(Without it the game would have ended on day { $day }.)
impact-lasted-without = {" "}(Without it the game would have gone on to day { $day }.)
impact-none = There was no decision to measure.
impact-title = What each decision did
impact-explain = Each decision measured by replaying the same world without it (the lever change undone, or the other choice taken): the run as played minus that replay, at the end. Events before a decision's day are never put down to it.
impact-col-decision = Decision
impact-col-over-time = Customers over time
impact-choice = “{ $made }” rather than “{ $other }” at “{ $dilemma }”
impact-sentence = Day { $day }, { $decision }: { $customers }, { $morale } and { $profit } by day { $end }.
impact-customers-won = { $count ->
    [one] kept or won 1 more customer
   *[other] kept or won { $n } more customers
}
impact-customers-lost = { $count ->
    [one] cost 1 customer
   *[other] cost { $n } customers
}
impact-customers-same = left the customer count as it was
impact-profit-earned = earned { $money } more
impact-profit-cost = cost { $money } in profit
impact-profit-same = left profit as it was
impact-morale-up = lifted morale by { $n } points
impact-morale-down = lowered morale by { $n } points
impact-morale-same = left morale as it was

## The Explore panel: a small sweep of one lever.
explore = Explore
explore-intro = What would one lever have done? The business is run again from its first day for { $days } days, { $seeds } times at each value (different customers each time), with your levers as they are now except the one you pick, set to values either side of yours.
explore-run = Explore
explore-restart = Start again
explore-run-hint = Runs in the background while you play (arrows pick the lever, Enter runs it)
explore-progress = { $done } of { $total } runs
explore-band = Line: the mean of { $seeds } runs at each value; band: the lowest to the highest run. Your { $lever } when you asked: { $value }.
explore-ended-early = { $n } runs ended early (the cash ran out or the board replaced the manager)
explore-best-retention = Most customers kept: { $value } ({ $share } of the customers of 90 days before were still there)
explore-best-profit = Most profit: { $value } ({ $money } over { $days } days)
explore-retention = Customers kept after 90 days (%)
explore-profit = Profit ({ $currency })
explore-range = lowest to highest run
explore-mean = mean
explore-yours = yours
explore-what = The business run again with one lever changed (hover for how)
sweep-parquet-off = { $file }: this build writes CSV only; Parquet needs the parquet feature (cargo build --release --features parquet), or write --out NAME.csv

## Session codes: the same world for every team.
code-length = "{ $code }" is not a session code: a code has 10 symbols (like CAFE-7F3K-Q2), this has { $n }
code-symbol = "{ $code }": "{ $symbol }" (symbol { $at }) is not used in session codes (they use 0–9 and A–Z without I, L, O and U)
code-mistyped = "{ $code }" is not a valid session code: a symbol is mistyped; check it against the trainer's
code-newer = "{ $code }" was made by a newer version of customer-first: update this one, or ask the trainer for a code made with this version
code-other-version = the code { $code } was made for another version of this scenario, so the world would differ; ask the trainer for a new code
code-other-file = the code { $code } was made for another scenario file; open the trainer's file (--scenario FILE) or ask for a new code
code-needs-file = the code { $code } is for a scenario file of the trainer's own: give that file with --scenario FILE
setup-no-bundled = this build ships { $count } scenarios: there is no scenario number { $n }
code-seed-range = a session code's seed is at most { $max }, got { $got }
code-made = Session code: { $code }   ({ $scenario }, seed { $seed })
code-how = Every team types it on the title screen (Session code), or runs: customer-first play --code { $code }
code-how-file = Every team needs the file { $file }, then runs: customer-first play --scenario { $file } --code { $code }
session-code = Session code
session-code-join = Join
session-code-hint = The code your trainer gives: every team that types it plays the same world (the same business, customers and events)
session-code-joined = Session { $code }: { $scenario }, seed { $seed }

## Results files and the class view.
cli-the-results = the results file
cli-the-class-view = the class view
cli-wrote-results = wrote the results file { $file }
results-not-results = not a customer-first results file
results-newer = made by a newer version of customer-first (results format { $format }; this version reads up to { $newest }): update this one
results-bad-version = the results format must be 1 or more
results-too-many = more than { $max }: not a game a team played
results-ragged = the daily columns have different lengths
results-days-order = the days are not in increasing order
results-team-name = a team name of 1 to { $max } characters is needed
results-language = the language must be en or zh-CN
results-hash = the scenario's hash must be 16 hexadecimal digits
class-title = Class results
class-folder = { $teams ->
    [one] One team's results
   *[other] { $teams } teams' results
} from { $folder }
class-none = No results files in { $folder }: each team's game writes one when it ends (or run --team NAME --results FILE)
class-too-many = not read: the folder has more than { $max } files
class-separate = Teams who played different worlds (another scenario, another seed, or free play against a timed workshop) or stopped at different stages are ranked separately, never against each other.
class-world = { $scenario }, seed { $seed }: { $teams ->
    [one] one team
   *[other] { $teams } teams
}
class-codes = Session code: { $codes }
class-weights = Scorecard weights:
class-weights-hint = Change a weight and the ranking follows.
class-bad-weights = expected three weights for customers, employees and shareholders between 0 and 100, at least one above 0, like 2,1,1; got "{ $got }"
class-rank = #
class-team = Team
class-balanced = Balanced
class-days = Days
class-day = Day
class-ending = Ending
class-playing = still playing
class-check = Check
class-trust-replayed = replayed here: every figure is the replay's
class-trust-edited = its file was edited after the game, where the replay does not look (the name, say)
class-trust-release = written by version { $version } of the program (the same model)
class-verified = Every ranked figure comes from replaying the team's decisions here on this program's copy of the scenario: what a file says of its figures, ending or scorecard is checked against that, never used. A file that cannot be replayed or says otherwise is listed apart. What no replay can check: that the decisions were the team's own.
class-apart-title = Read but not ranked
class-apart-line = { $file }: { $team }, day { $days }: { $why }
class-apart-model = played under the model's rules { $theirs }; this program follows rules { $ours } and cannot replay it
class-apart-scenario = played on “{ $scenario }”, which this program does not have: give its scenario file with --scenario to replay and rank it
class-apart-unreplayable = its decisions cannot be taken again: { $why }
class-apart-differs = what it says differs from the replay of its decisions ({ $parts }): edited or forged
class-apart-copy = the same team, days and decisions as { $file }, which is ranked
class-part-scenario = the scenario's settings
class-part-ending = how it ended
class-part-totals = the totals
class-part-decisions = the decisions
class-part-choices = the dilemmas' choices
class-part-figures = the daily figures
class-world-unfinished = unfinished: stopped on day { $day } of { $horizon }
class-same-name = One name, several files: { $teams }
class-same-decisions = Exactly the same decisions under different names: { $teams }
class-dangling-link = a link to a file that is not there: skipped
class-progress = checked { $done } of { $all } files
class-score-how = Each score runs from 0 to 100, over the last 91 days. Customers: half retention, a quarter stars, a quarter NPS. Employees: half morale, a quarter rest (no fatigue), a quarter staying (few quits a year). Shareholders: half the board's confidence, half the profit margin. A business that closed early keeps the share of its scores that it ran of the horizon.
class-best-for = Best for { $who }
class-charts = Every team over time
class-diverged = Where teams went different ways
class-diverged-none = The teams made the same decisions.
class-diverged-dilemma = Dilemma “{ $title }” (first met on day { $day })
class-diverged-levers = Levers set more than 10 % apart (or to other choices) from day { $day }
class-chose = Chose
class-later = { $days } days later: retention { $retention }, morale { $morale }, cash { $cash }
class-later-retention = Retention { $days } days later
class-later-morale = Morale { $days } days later
class-later-cash = Cash { $days } days later
class-not-yet = not yet reached
class-not-read = Files not read
class-wrote-html = wrote the class view to { $file }
class-weights-line = Scorecard weights: customers { $customers }, employees { $employees }, shareholders { $shareholders }
class-best-line = Best for { $who }: { $team } ({ $score })
team-name = Team
team-name-hint = Your team's name: the trainer's class view ranks teams by it
team-unnamed = Unnamed team
results-write = Write the results file
results-write-hint = One small file with this game's decisions and figures, for the trainer's class view (written by itself when the game ends)
results-written = Results file for the class view: { $file }
results-write-failed = Could not write the results file { $file }: { $error }
class-open = Class view
class-open-hint = For the trainer: every team's results file from a folder, ranked and compared
class-folder-field = Folder
class-folder-hint = The folder with the teams' results files (each game writes its own into results beside the saves; collect them into one folder)
class-read = Read
class-reading = Reading the results files and replaying each team's game to check it…
class-export = Save as web pages (with every team's debrief)
class-weights-reset = The scenario's weights
cli-the-debriefs = the team debriefs
class-wrote-debriefs = wrote { $n } team debriefs (one printable page each) to { $dir }
class-wrote-pages = and every team's printable debrief to { $dir }
team-page-title = { $team }: debrief
team-page-world = { $scenario }, seed { $seed }, session { $code }: { $days } days played; { $ending }
team-page-rank = Place { $place } of { $teams } on the balanced scorecard ({ $score } of 100)
team-page-yours = Your team
team-page-class-mean = Class mean
team-page-decisions = Your decisions
team-page-no-decisions = No lever changed and no dilemma met.
team-page-own-way = Where you went your own way
team-page-levers = The levers
team-page-you-chose = You: { $choice }. { $later }
team-page-they-chose = { $team }: { $choice }. { $later }
team-page-same-way = Your team decided as the others did.
team-page-more = … and { $n } more moments in the class view.
team-page-world-free = { $scenario }, seed { $seed }: { $days } days played; { $ending }
check-workshop-dilemma = the deck has no dilemma "{ $id }"
base-not-a-file = expected the name of a file of the same kind beside this one, as a string: base: "cafe.ron"
base-circle = the bases come back to a file they passed: { $chain }
base-too-deep = too many bases: a file, its base and their bases may be at most { $max } files (stopped at { $file })
base-resolved = in the file as resolved with its base (see it with: customer-first check --resolved { $file }): line { $line }, column { $column }: { $error }
code-session = A timed session: { $session }. The game keeps the pace, stops for each discussion, and every team meets the workshop's dilemmas on the same days.
preset-free = Free play
preset-20 = 20-minute workshop
preset-45 = 45-minute workshop
session-preset = Session
session-preset-hint = Free play, or a timed workshop: the game fits the whole scenario into the minutes, stops for the room to discuss, and every team meets the workshop's dilemmas on the same days
session-left = { $session }: { $time } of play left
discuss-title = Discuss now
discuss-when = Discussion { $n }, day { $day }
discuss-hint = The game waits. The trainer plays on when the room is ready (Enter).
discuss-continue = Play on
discuss-general-1 = Who did your decisions so far serve first: customers, employees or the owners? What did the other two pay for it?
discuss-general-2 = Which figure surprised you most since the last discussion, and what caused it?
discuss-general-3 = If you could take back one decision, which would it be, and why?

# Winning conditions (scenario field `winning`): the briefing, the end screen, the CLI
briefing-winning-title = What winning means
briefing-principle = The principle: { $text }
briefing-conditions = Judged at the end by:
measure-customer-base = Customers (compared with day 0)
measure-profit-margin = Profit margin
measure-staff-turnover = Staff turnover (quits a year)
condition = { $measure } { $bound }, { $over }
condition-at-least = at least { $value }
condition-at-most = at most { $value }
condition-between = between { $low } and { $high }
span-last-quarter = over the last quarter
span-every-quarter = in every quarter
span-whole-run = over the whole game
verdict-won = You won
verdict-lost = You lost
verdict-unjudged = Not judged: the game did not reach its end
verdict-closed-early = The business closed early: { $why }
verdict-met = Met: { $condition } (you: { $value })
verdict-missed = Missed: { $condition } (you: { $value })
verdict-not-reached = Not reached: { $condition }: the game ended on day { $day } (until then: { $value })
verdict-no-figure = no figure
value-stars = { $n } stars
trainer-notes-title = Trainer's notes
trainer-notes-usually = What usually happens: { $text }
calibrate-heading = { $scenario }: calibration over { $seeds } seeds
calibrate-line = thoughtful ({ $thoughtful }) won { $won } of { $seeds }; careless ({ $careless }) lost { $lost } of { $seeds }: { $verdict }
calibrate-holds = the story holds
calibrate-fails = the story does not hold (each needs { $need })
calibrate-cell = met { $met }/{ $seeds }, mean { $mean }
calibrate-closed-early = Closed early (runs)
calibrate-no-winning = the scenario has no winning conditions to calibrate against
calibrate-no-policy = the scenario names no policy for this; give { $flag } FILE
cli-seeds-range = must be a whole number in 1..=1000, got { $got }
class-won = Won: { $ending }
class-lost = Lost: { $ending }

## The browser build (the page's own texts are written into web/index.html by web/build.sh)
web-page-title = customer-first: serve customers with finite resources
web-loading = Loading the game…
web-loading-done = Starting…
web-no-webgl2 = This browser cannot show the game: it needs WebGL2, which is switched off or missing here. Try a current Chrome, Edge, Firefox or Safari, or turn on hardware acceleration in the browser's settings.
web-load-failed = The game could not be loaded: { $error }
web-load-save-file = Load a save file…
web-load-save-file-hint = A save made on a desktop, or downloaded here before: it is checked, kept in this browser and loaded.
web-download-save = Download this save as a file (to keep it, or to play it on another computer)
web-storage-full = The browser's storage for this page is full: { $file } was not kept after this visit. Download your saves (⬇) to keep them, or remove old ones.
web-storage-refused = The browser did not keep { $file } ({ $error }): it is lost when the page closes. Download it (⬇) to keep it.
web-class-add-files = Add the teams’ results files…
web-class-add-files-hint = Pick the results files the teams sent you (several at once). They are checked and kept in this browser, in the class folder above.
web-class-added = Results files added to the class: { $n }.
web-class-refused = Not added: { $error }
web-class-downloaded = The class page (class.html) and every team’s page were downloaded.
web-class-none = No results files here yet: add the files the teams sent you with “Add the teams’ results files…” above.

# Issue 34: limits and validation
sweep-too-big = { $combinations } combinations would need about { $need } GB of memory ({ $each } bytes each), more than the { $have } GB available; vary fewer values or split the sweep into several
sweep-threads-too-many = --threads { $n } is more than { $max } (4 per core, { $cores } cores here)
sweep-shard-env-below-min = --shard auto: SLURM_ARRAY_TASK_ID is { $id }, below the array's first task SLURM_ARRAY_TASK_MIN = { $min }
sweep-not-a-file = { $file } is not a regular file
sweep-resume-fewer-rows = { $file } holds { $rows } whole rows, fewer than the { $vouched } that { $sidecar } says were written: rows were removed since the sweep stopped; run without --resume to start again
sweep-resume-edited = { $file }, line { $line } (run { $run }): not the row this sweep wrote (edited since it stopped?); run without --resume to start again
sweep-resume-check-stopped = stopped while checking the rows kept in { $file } against the sweep; nothing was changed, run the same command with --resume again
save-customer-range = must be in { $lo }..={ $hi }, got { $got } (customer { $id })
save-customer-finite-range = must be a finite number in { $lo }..={ $hi }, got { $got } (customer { $id })
check-workshop-fixed-twice = the dilemma "{ $id }" is fixed on two days, { $first } and { $second }: a timed session can bring it on one only; keep one of them
code-other-scenario = the code { $code } was made for the bundled scenario { $theirs }, not for { $ours }; leave out --scenario to play { $theirs }, or ask the trainer for a code made for { $ours }
cli-kind-results = results file
cli-check-results = results of team "{ $team }" in "{ $name }" (seed { $seed })
cli-check-results-edited = its content hash does not match its values: changed after it was written (the class view ranks only what its decisions replay to)
check-calibration-policy = the calibration policy { $file } does not load, so `calibrate` cannot run: { $problem }
session-team-first = Type your team's name first: the trainer's class view ranks teams by it
class-browse = Browse…
class-browse-hint = Choose the folder of results files among this computer's folders
class-browse-title = Choose the folder of the teams' results files
class-browse-up = Up one folder
class-browse-use = Use this folder ({ $n ->
    [one] 1 results file
   *[other] { $n } results files
})
class-browse-cancel = Cancel
class-browse-none = No folders inside this one.
class-browse-folder-files = { $folder }/  ({ $n ->
    [one] 1 results file
   *[other] { $n } results files
})
class-browse-more = Only the first { $n } folders are listed; type the folder's name in the field instead.
class-browse-unreadable = This folder cannot be read: { $error }
report-kind-news = Event
news-title = News
news-go-on = Go on
news-board-title = The board meets
news-press-title = The press has the story
news-board-meeting = Board meeting: confidence { $before } → { $after }; the quarter's profit { $profit } against { $expected } expected. { $said }
news-board-satisfied = The owners are satisfied for now; next quarter they expect { $next }.
news-board-warning = A warning: confidence is below { $line }. If a later meeting finds it at zero, the owners will replace you. Next quarter they expect { $next }.
news-board-dismissed = The owners have lost confidence after their warning and replace you.
news-press-story = The press reports the product's failures ({ $failures } so far): one-star reviews pour in, customers hear of it, the board's confidence goes from { $before } to { $after }, and the regulator forces a recall at the higher price.
keys-help-short = Keys: F1
