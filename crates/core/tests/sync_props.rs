//! Property test of the whole sync protocol: devices edit offline, push through their
//! outboxes to a server that loses responses, and pull in small pages that get cut off;
//! at the end every device and the server hold the same records and no write is lost.

mod common;

use std::collections::BTreeMap;

use benchmate_core::record::{Change, EditContext, Hlc, Kind, Record, RecordId, Slot, Stamp, UserId};
use benchmate_core::sync::{merge_pulled, Cursor, Outbox, PullRequest};
use common::replicas::{device, holds_write, lab_scope, FIELDS, START_MILLIS};
use common::server::MemoryServer;
use proptest::prelude::*;
use serde_json::json;

/// Every property runs this many generated histories (issue 3: at least 10,000 each).
const CASES: u32 = 10_000;

#[derive(Clone, Debug)]
enum Op {
    Edit {
        device: u8,
        record: u8,
        field: u8,
        value: u8,
    },
    Delete {
        device: u8,
        record: u8,
    },
    /// Push up to `batch` mutations; when `lose_response`, the server applies them but the
    /// answer never arrives, so the device sends them again later.
    Push {
        device: u8,
        batch: u8,
        lose_response: bool,
    },
    /// Pull one page of up to `limit` records. `cut` 0: applied and cursor stored;
    /// 1: applied but the app closed before storing the cursor; 2: the page never arrived.
    Pull {
        device: u8,
        limit: u8,
        cut: u8,
    },
    ClockJump {
        device: u8,
        delta: i64,
    },
}

impl Op {
    /// Decodes one generated 64-bit word into a step (cheaper to generate than a strategy
    /// per variant; see `common::replicas::Op::from_bits`). The low byte picks the variant.
    fn from_bits(bits: u64) -> Op {
        let [pick, a, b, c, d, ..] = bits.to_le_bytes();
        let wide = u16::from_le_bytes([c, d]);
        match pick % 13 {
            0..=4 => Op::Edit {
                device: a,
                record: b,
                field: c,
                value: d % 4,
            },
            5 => Op::Delete { device: a, record: b },
            6..=8 => Op::Push {
                device: a,
                batch: b,
                lose_response: c % 2 == 1,
            },
            9..=11 => Op::Pull {
                device: a,
                limit: b,
                cut: c,
            },
            // A jump of -3000 to +2999 ms.
            _ => Op::ClockJump {
                device: a,
                delta: i64::from(wide % 6000) - 3000,
            },
        }
    }
}

struct Device {
    clock: Hlc,
    wall: u64,
    records: BTreeMap<RecordId, Record>,
    outbox: Outbox,
    cursor: Cursor,
}

fn record_ids() -> [RecordId; 3] {
    [1u8, 2, 3].map(|n| RecordId::new_v7(START_MILLIS, [n; 10]).expect("time fits"))
}

struct World {
    devices: Vec<Device>,
    server: MemoryServer,
    server_wall: u64,
    written: Vec<(RecordId, Slot, Stamp)>,
}

impl World {
    fn new(count: usize) -> World {
        let devices = (0..count)
            .map(|i| Device {
                clock: Hlc::new(device(i)),
                wall: START_MILLIS + 700 * i as u64,
                records: BTreeMap::new(),
                outbox: Outbox::new(device(i)),
                cursor: Cursor::START,
            })
            .collect();
        World {
            devices,
            server: MemoryServer::default(),
            server_wall: START_MILLIS,
            written: Vec::new(),
        }
    }

    fn run(&mut self, op: &Op) {
        self.server_wall += 1;
        for d in &mut self.devices {
            d.wall += 1;
        }
        let count = self.devices.len();
        match *op {
            Op::Edit {
                device,
                record,
                field,
                value,
            } => {
                let field = FIELDS[field as usize % FIELDS.len()];
                self.edit(device as usize % count, record, |r, ctx| {
                    r.set(ctx, field, json!(value))
                        .expect("valid field")
                        .into_iter()
                        .collect()
                });
            }
            Op::Delete { device, record } => {
                self.edit(device as usize % count, record, |r, ctx| {
                    r.delete(ctx).into_iter().collect()
                });
            }
            Op::Push {
                device,
                batch,
                lose_response,
            } => {
                let d = &mut self.devices[device as usize % count];
                let request = d.outbox.next_batch(1 + batch as usize % 3);
                let response = self.server.push(&request, self.server_wall);
                assert!(
                    response.rejected.is_empty(),
                    "nothing is refused here: {:?}",
                    response.rejected
                );
                if !lose_response {
                    d.outbox
                        .acknowledge(response.acknowledged_up_to)
                        .expect("acknowledged what was sent");
                }
            }
            Op::Pull { device, limit, cut } => {
                let d = &mut self.devices[device as usize % count];
                let request = PullRequest {
                    scope: lab_scope(),
                    cursor: d.cursor,
                    limit: 1 + u32::from(limit % 3),
                };
                let page = self.server.pull(&request, false);
                if cut % 3 != 2 {
                    d.apply_page(&page.changes);
                    if cut % 3 == 0 {
                        d.cursor = page.next_cursor;
                    }
                }
            }
            Op::ClockJump { device, delta } => {
                let d = &mut self.devices[device as usize % count];
                d.wall = d.wall.saturating_add_signed(delta);
            }
        }
    }

    fn edit(&mut self, at: usize, record: u8, make: impl FnOnce(&mut Record, &mut EditContext<'_>) -> Vec<Change>) {
        let id = record_ids()[record as usize % 3];
        let d = &mut self.devices[at];
        let kind = Kind::new("reagent_lot").expect("valid kind");
        let stored = d
            .records
            .entry(id)
            .or_insert_with(|| Record::new(id, kind, lab_scope()));
        let author = Some(UserId::new("tech").expect("valid user id"));
        let mut ctx = EditContext {
            clock: &mut d.clock,
            now_millis: d.wall,
            author,
        };
        let changes = make(stored, &mut ctx);
        for change in &changes {
            self.written.push(match change {
                Change::Field { field, write } => (id, Slot::Field(field.clone()), write.stamp),
                Change::Tombstone { write } => (id, Slot::Deleted, write.stamp),
            });
        }
        let snapshot = stored.clone();
        d.outbox.enqueue(&snapshot, changes);
    }

    /// Pushes every outbox empty, then pulls every device to the end of the feed.
    fn sync_everything(&mut self) {
        for d in &mut self.devices {
            while !d.outbox.pending().is_empty() {
                let response = self.server.push(&d.outbox.next_batch(3), self.server_wall);
                d.outbox
                    .acknowledge(response.acknowledged_up_to)
                    .expect("acknowledged what was sent");
            }
        }
        for d in &mut self.devices {
            loop {
                let request = PullRequest {
                    scope: lab_scope(),
                    cursor: d.cursor,
                    limit: 2,
                };
                let page = self.server.pull(&request, true);
                d.apply_page(&page.changes);
                d.cursor = page.next_cursor;
                if !page.has_more {
                    break;
                }
            }
        }
    }
}

impl Device {
    fn apply_page(&mut self, changes: &[benchmate_core::sync::PulledRecord]) {
        for change in changes {
            if let Some(stamp) = change.record.max_stamp() {
                self.clock
                    .observe(&stamp, self.wall)
                    .expect("clocks stay within the drift bound");
            }
            let id = change.record.id();
            let applied = merge_pulled(self.records.get(&id), &change.record).expect("same record");
            self.records.insert(id, applied.record);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn devices_and_server_converge_through_lossy_sync(
        (count, steps) in (3usize..=4, prop::collection::vec(any::<u64>(), 0..40))
    ) {
        let ops: Vec<Op> = steps.iter().map(|bits| Op::from_bits(*bits)).collect();
        let mut world = World::new(count);
        for op in &ops {
            world.run(op);
        }
        world.sync_everything();
        let on_server: BTreeMap<RecordId, Record> =
            world.server.records.values().map(|(_, r)| (r.id(), r.clone())).collect();
        for d in &world.devices {
            prop_assert_eq!(&d.records, &on_server, "steps: {:?}", ops);
            prop_assert!(d.outbox.pending().is_empty());
        }
        for (id, slot, stamp) in &world.written {
            let record = on_server.get(id);
            prop_assert!(record.is_some_and(|r| holds_write(r, slot, stamp)), "write {stamp} to {slot:?} of {id} was lost; steps: {:?}", ops);
        }
    }
}
