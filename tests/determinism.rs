//! Same scenario + seed + policy ⇒ byte-identical output; the RNG streams are pinned.

mod common;

use customer_first::headless::results::customer_records;
use customer_first::headless::tables::customers_csv;
use customer_first::headless::tables::days_csv;
use customer_first::sim::rng::{SimRng, Stream};
use customer_first::sim::{SimDayEnd, SimDayStart, SimTick, simulation_app};
use rand::Rng;

#[test]
fn same_seed_and_policy_give_byte_identical_csv() {
    for s in [common::cafe(), common::software()] {
        for p in ["balanced", "customer-first", "shareholder-first"] {
            let policy = common::policy(p);
            let a = customer_first::headless::world::run(&s, 7, 200, Some(&policy));
            let b = customer_first::headless::world::run(&s, 7, 200, Some(&policy));
            let (ca, cb) = (days_csv(&a.1.rows).unwrap(), days_csv(&b.1.rows).unwrap());
            assert_eq!(
                ca,
                cb,
                "{} / {p}: day CSVs differ",
                s.name.get(customer_first::i18n::Lang::En)
            );
            let (mut appa, mut appb) = (a.0, b.0);
            let ra = customers_csv(&customer_records(appa.world_mut(), &s)).unwrap();
            let rb = customers_csv(&customer_records(appb.world_mut(), &s)).unwrap();
            assert_eq!(
                ra,
                rb,
                "{} / {p}: customer CSVs differ",
                s.name.get(customer_first::i18n::Lang::En)
            );
            assert!(ca.len() > 10_000, "the CSV has real content");
        }
    }
}

#[test]
fn a_different_seed_gives_a_different_world() {
    let s = common::cafe();
    let a = days_csv(&common::run(&s, 1, 60, None).rows).unwrap();
    let b = days_csv(&common::run(&s, 2, 60, None).rows).unwrap();
    assert_ne!(a, b);
}

/// Pins the first draw of every stream for seed 42: a change in the RNG algorithm, the seeding
/// or the stream layout would silently change every team's world, so it must fail here.
#[test]
fn rng_streams_are_pinned() {
    let mut rng = SimRng::new(42);
    let streams = [
        Stream::Arrivals,
        Stream::Service,
        Stream::Experience,
        Stream::Churn,
        Stream::Staff,
        Stream::Reputation,
        Stream::Recovery,
        Stream::Setup,
        Stream::Health,
        Stream::Dilemmas,
    ];
    let firsts: Vec<u64> = streams.iter().map(|&s| rng.stream(s).next_u64()).collect();
    let pinned: [u64; 10] = GOLDEN;
    assert_eq!(firsts, pinned, "first draws per stream changed: {firsts:?}");
    // Streams are independent: drawing from one does not move another.
    let mut a = SimRng::new(42);
    let mut b = SimRng::new(42);
    for _ in 0..100 {
        a.stream(Stream::Arrivals).next_u64();
    }
    assert_eq!(
        a.stream(Stream::Churn).next_u64(),
        b.stream(Stream::Churn).next_u64()
    );
}

const GOLDEN: [u64; 10] = [
    12578764544318200737,
    13222472167927179408,
    3387013202841124863,
    6672028999979260041,
    16805319813727100726,
    6506774120333837283,
    6634014504447066308,
    2370525664269707216,
    15391899574193906334,
    14482721765390896913,
];

/// The model's schedule has no pair of systems with conflicting access and no order between them.
#[test]
fn the_tick_schedule_has_no_ambiguities() {
    let s = common::cafe();
    let mut app = simulation_app(&s, 1);
    let world = app.world_mut();
    // The schedules are built with ambiguity detection set to Error, so an ambiguity fails here:
    // the tick's, and those it runs at the start and at the end of a day.
    world.schedule_scope(SimTick, |world, schedule| {
        schedule
            .initialize(world)
            .expect("the tick schedule builds without ambiguities");
    });
    world.schedule_scope(SimDayStart, |world, schedule| {
        schedule
            .initialize(world)
            .expect("the day-start schedule builds without ambiguities");
    });
    world.schedule_scope(SimDayEnd, |world, schedule| {
        schedule
            .initialize(world)
            .expect("the day-end schedule builds without ambiguities");
    });
}

/// The check above can fail: a system added without an order that touches the model's data is
/// reported.
#[test]
fn an_unordered_system_is_reported_as_ambiguous() {
    use bevy::prelude::*;
    use customer_first::sim::finance::Ledger;
    fn rogue(mut ledger: ResMut<Ledger>) {
        ledger.cash += 1;
    }
    let s = common::cafe();
    let mut app = simulation_app(&s, 1);
    app.add_systems(SimTick, rogue);
    let result = app
        .world_mut()
        .schedule_scope(SimTick, |world, schedule| schedule.initialize(world));
    assert!(result.is_err(), "an ambiguous system must be refused");
}
