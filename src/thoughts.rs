//! What customers think, as data: the kinds of thought the model records (a long wait, a price
//! rise, a surprise…), named in dilemma decks and reports by their ids. The model decides when a
//! customer has one ([`crate::sim::customers`]); this module only names them.

/// Something a customer noticed, with its cause; the last few are kept and the worst recent one
/// is recorded as the reason when they leave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ThoughtKind {
    /// Waited much longer than expected (value: minutes).
    LongWait,
    /// Saw the queue and turned away at the door (value: people waiting).
    TurnedAway,
    /// Gave up waiting and left the queue (value: minutes waited).
    GaveUpWaiting,
    /// The price went up (value: percent).
    PriceUp,
    /// Too expensive for what it is.
    TooExpensive,
    /// The product was not as good as expected.
    PoorQuality,
    /// The staff seemed tired or fed up.
    TiredStaff,
    /// Something went wrong with the order or service.
    ServiceError,
    /// Got a small surprise beyond what they asked for.
    SmallSurprise,
    /// Used to get little extras, and no longer does.
    MissedTheExtras,
    /// Too many things they don't need.
    TooManyExtras,
    /// Complained and it was put right.
    ComplaintResolved,
    /// Complained and nothing came of it.
    ComplaintBrushedOff,
    /// Someone from the business checked in on them.
    CheckedIn,
    /// Had to leave because the business closed while they were waiting.
    ClosedOnMe,
    /// Heard about a scandal (a defect hushed up, a public row).
    Scandal,
    /// Liked how the business handled something in public.
    DidTheRightThing,
    /// Feels the business stopped caring about customers like them.
    LetDown,
}

impl ThoughtKind {
    /// Stable identifier (CSV, reports).
    pub fn id(self) -> &'static str {
        match self {
            ThoughtKind::LongWait => "long_wait",
            ThoughtKind::TurnedAway => "turned_away",
            ThoughtKind::GaveUpWaiting => "gave_up_waiting",
            ThoughtKind::PriceUp => "price_up",
            ThoughtKind::TooExpensive => "too_expensive",
            ThoughtKind::PoorQuality => "poor_quality",
            ThoughtKind::TiredStaff => "tired_staff",
            ThoughtKind::ServiceError => "service_error",
            ThoughtKind::SmallSurprise => "small_surprise",
            ThoughtKind::MissedTheExtras => "missed_the_extras",
            ThoughtKind::TooManyExtras => "too_many_extras",
            ThoughtKind::ComplaintResolved => "complaint_resolved",
            ThoughtKind::ComplaintBrushedOff => "complaint_brushed_off",
            ThoughtKind::CheckedIn => "checked_in",
            ThoughtKind::ClosedOnMe => "closed_on_me",
            ThoughtKind::Scandal => "scandal",
            ThoughtKind::DidTheRightThing => "did_the_right_thing",
            ThoughtKind::LetDown => "let_down",
        }
    }

    /// What the customer would say, in English (the game's string table will carry translations).
    pub fn describe(self, value: f32) -> String {
        match self {
            ThoughtKind::LongWait => format!("waited {value:.0} min"),
            ThoughtKind::TurnedAway => format!("saw {value:.0} people waiting and walked away"),
            ThoughtKind::GaveUpWaiting => format!("gave up after {value:.0} min in the queue"),
            ThoughtKind::PriceUp => format!("price went up {value:.0}%"),
            ThoughtKind::TooExpensive => "too expensive for what it is".into(),
            ThoughtKind::PoorQuality => "not as good as I expected".into(),
            ThoughtKind::TiredStaff => "staff were tired or rude".into(),
            ThoughtKind::ServiceError => "they got my order wrong".into(),
            ThoughtKind::SmallSurprise => "got a small surprise".into(),
            ThoughtKind::MissedTheExtras => "they used to do little extras".into(),
            ThoughtKind::TooManyExtras => "too many things I don't need".into(),
            ThoughtKind::ComplaintResolved => "complained and they put it right".into(),
            ThoughtKind::ComplaintBrushedOff => "complained and got nowhere".into(),
            ThoughtKind::CheckedIn => "they checked in on me".into(),
            ThoughtKind::ClosedOnMe => "they closed while I was waiting".into(),
            ThoughtKind::Scandal => "heard about the scandal".into(),
            ThoughtKind::DidTheRightThing => "they did the right thing".into(),
            ThoughtKind::LetDown => "they stopped caring about people like me".into(),
        }
    }

    pub const ALL: [ThoughtKind; 18] = [
        ThoughtKind::LongWait,
        ThoughtKind::TurnedAway,
        ThoughtKind::GaveUpWaiting,
        ThoughtKind::PriceUp,
        ThoughtKind::TooExpensive,
        ThoughtKind::PoorQuality,
        ThoughtKind::TiredStaff,
        ThoughtKind::ServiceError,
        ThoughtKind::SmallSurprise,
        ThoughtKind::MissedTheExtras,
        ThoughtKind::TooManyExtras,
        ThoughtKind::ComplaintResolved,
        ThoughtKind::ComplaintBrushedOff,
        ThoughtKind::CheckedIn,
        ThoughtKind::ClosedOnMe,
        ThoughtKind::Scandal,
        ThoughtKind::DidTheRightThing,
        ThoughtKind::LetDown,
    ];

    /// The thought with this identifier.
    pub fn from_id(id: &str) -> Option<ThoughtKind> {
        Self::ALL.into_iter().find(|k| k.id() == id)
    }
}
