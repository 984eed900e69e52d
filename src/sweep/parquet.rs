//! A sweep's rows as Parquet (`--out NAME.parquet`, in a build with the `parquet` feature), for
//! sweeps of millions of rows that pandas, polars or DuckDB should open without parsing text.
//!
//! The sweep is written as CSV first (`NAME.parquet.csv`, with its `.partial` sidecar while it
//! runs, so Ctrl-C and `--resume` work as they do for CSV), then converted in row groups of a
//! fixed size to a temporary file that replaces NAME.parquet only when whole, and the CSV is
//! removed. Every setting is fixed (Snappy, format version, row group size, the `created_by`
//! text), so the same sweep gives the same bytes.
//!
//! Columns: `sweep` and `end` as text; `run`, `runs`, the counts and `days` as 64-bit integers,
//! `seed` as an unsigned one; every other metric as a double, null where the CSV cell is empty
//! (NPS of nobody, NDR before a year); a varied value as a double when every value is a number,
//! else as text.

use std::fs::File;
use std::io::{BufReader, BufWriter};
use std::path::Path;
use std::sync::Arc;

use parquet::basic::{Compression, ConvertedType, Repetition, Type as Physical};
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::properties::{WriterProperties, WriterVersion};
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;

use crate::diagnostics::Msg;

use super::{LEAD, METRICS};

/// Rows per row group: a fixed number, so the file's layout depends on nothing else.
pub const ROW_GROUP: usize = 65_536;

/// What Parquet readers see as the writer.
const CREATED_BY: &str = "customer-first sweep (parquet-rs 60)";

/// Metrics that are whole numbers.
const WHOLE: [&str; 8] = [
    "days",
    "customers",
    "acquired",
    "churned",
    "reviews",
    "employees",
    "quits",
    "hires",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Int,
    Unsigned,
    Double,
}

/// Converts the finished CSV `csv` into `out` and removes the CSV.
pub fn finish(csv: &Path, out: &Path) -> Result<u64, Msg> {
    let rows = convert(csv, out)?;
    std::fs::remove_file(csv).map_err(|e| io(csv, e))?;
    Ok(rows)
}

fn io(file: &Path, e: impl std::fmt::Display) -> Msg {
    crate::msg!(
        "sweep-io",
        file = file.display().to_string(),
        error = e.to_string()
    )
}

/// The kind of each column: fixed for the sweep's own columns, and for a varied value a double
/// when all of its values are numbers.
fn kinds(header: &[String], csv: &Path) -> Result<Vec<Kind>, Msg> {
    let mut kinds: Vec<Option<Kind>> = header
        .iter()
        .map(|h| match h.as_str() {
            "sweep" | "end" => Some(Kind::Text),
            "run" | "runs" => Some(Kind::Int),
            "seed" => Some(Kind::Unsigned),
            m if WHOLE.contains(&m) => Some(Kind::Int),
            m if METRICS.contains(&m) => Some(Kind::Double),
            _ => None,
        })
        .collect();
    // The varied values: every row is read once to see whether a column is all numbers.
    let mut numeric: Vec<bool> = vec![true; header.len()];
    let mut reader = open(csv)?;
    for row in reader.records() {
        let row = row.map_err(|e| io(csv, e))?;
        for (i, cell) in row.iter().enumerate() {
            if kinds.get(i).is_some_and(Option::is_none) && cell.parse::<f64>().is_err() {
                numeric[i] = false;
            }
        }
    }
    for (k, n) in kinds.iter_mut().zip(numeric) {
        if k.is_none() {
            *k = Some(if n { Kind::Double } else { Kind::Text });
        }
    }
    Ok(kinds.into_iter().map(|k| k.unwrap_or(Kind::Text)).collect())
}

fn open(csv: &Path) -> Result<csv::Reader<BufReader<File>>, Msg> {
    let file = crate::platform::files::open_regular(csv)
        .map_err(|e| crate::diagnostics::refused_file(csv, &e))?;
    Ok(csv::ReaderBuilder::new().from_reader(BufReader::new(file)))
}

fn schema(header: &[String], kinds: &[Kind]) -> parquet::errors::Result<Type> {
    let mut fields = Vec::with_capacity(header.len());
    for (name, kind) in header.iter().zip(kinds) {
        let field = match kind {
            Kind::Text => Type::primitive_type_builder(name, Physical::BYTE_ARRAY)
                .with_converted_type(ConvertedType::UTF8)
                .with_repetition(Repetition::REQUIRED),
            Kind::Int => Type::primitive_type_builder(name, Physical::INT64)
                .with_repetition(Repetition::REQUIRED),
            Kind::Unsigned => Type::primitive_type_builder(name, Physical::INT64)
                .with_converted_type(ConvertedType::UINT_64)
                .with_repetition(Repetition::REQUIRED),
            Kind::Double => Type::primitive_type_builder(name, Physical::DOUBLE)
                .with_repetition(Repetition::OPTIONAL),
        };
        fields.push(Arc::new(field.build()?));
    }
    Type::group_type_builder("sweep")
        .with_fields(fields)
        .build()
}

/// Converts the sweep CSV `csv` into the Parquet file `out` (written beside it under a temporary
/// name and renamed into place when whole). Returns the rows written.
pub fn convert(csv: &Path, out: &Path) -> Result<u64, Msg> {
    let header: Vec<String> = open(csv)?
        .headers()
        .map_err(|e| io(csv, e))?
        .iter()
        .map(str::to_string)
        .collect();
    if header.len() < LEAD.len() || header[..LEAD.len()] != LEAD {
        return Err(crate::msg!(
            "sweep-merge-not-sweep",
            file = csv.display().to_string()
        ));
    }
    let kinds = kinds(&header, csv)?;
    let schema = Arc::new(schema(&header, &kinds).map_err(|e| io(out, e))?);
    let props = Arc::new(
        WriterProperties::builder()
            .set_writer_version(WriterVersion::PARQUET_1_0)
            .set_compression(Compression::SNAPPY)
            .set_created_by(CREATED_BY.to_string())
            .set_max_row_group_row_count(Some(ROW_GROUP))
            .build(),
    );
    let refused = |e| crate::diagnostics::refused_file(out, &e);
    let beside = crate::platform::files::Beside::create(out).map_err(refused)?;
    let mut writer =
        SerializedFileWriter::new(BufWriter::new(beside), schema, props).map_err(|e| io(out, e))?;
    let mut reader = open(csv)?;
    let mut rows: Vec<csv::StringRecord> = Vec::with_capacity(ROW_GROUP);
    let mut total = 0u64;
    let mut records = reader.records();
    loop {
        rows.clear();
        for row in records.by_ref().take(ROW_GROUP) {
            rows.push(row.map_err(|e| io(csv, e))?);
        }
        if rows.is_empty() {
            break;
        }
        group(&mut writer, &rows, &kinds).map_err(|e| io(out, e))?;
        total += rows.len() as u64;
    }
    // Dropped on any error before this, the file beside `out` is removed.
    let beside = writer
        .into_inner()
        .map_err(|e| io(out, e))?
        .into_inner()
        .map_err(|e| io(out, e.error()))?;
    beside.finish().map_err(refused)?;
    Ok(total)
}

/// One row group: each column in turn.
fn group(
    writer: &mut SerializedFileWriter<BufWriter<crate::platform::files::Beside>>,
    rows: &[csv::StringRecord],
    kinds: &[Kind],
) -> Result<(), String> {
    let mut g = writer.next_row_group().map_err(|e| e.to_string())?;
    for (i, kind) in kinds.iter().enumerate() {
        let cell = |r: &csv::StringRecord| r.get(i).unwrap_or("").to_string();
        let number = |text: &str| -> Result<f64, String> {
            text.parse::<f64>()
                .map_err(|_| format!("column {}: \"{text}\" is not a number", i + 1))
        };
        let mut col = g
            .next_column()
            .map_err(|e| e.to_string())?
            .ok_or("fewer columns than the header")?;
        match kind {
            Kind::Text => {
                let values: Vec<ByteArray> = rows
                    .iter()
                    .map(|r| ByteArray::from(cell(r).into_bytes()))
                    .collect();
                col.typed::<ByteArrayType>()
                    .write_batch(&values, None, None)
                    .map_err(|e| e.to_string())?;
            }
            Kind::Int | Kind::Unsigned => {
                let mut values = Vec::with_capacity(rows.len());
                for r in rows {
                    let text = cell(r);
                    let v = if *kind == Kind::Unsigned {
                        // Stored in 64 bits as Parquet's unsigned integers are.
                        text.parse::<u64>().map(|v| v as i64)
                    } else {
                        text.parse::<i64>()
                    };
                    values.push(v.map_err(|_| {
                        format!("column {}: \"{text}\" is not a whole number", i + 1)
                    })?);
                }
                col.typed::<Int64Type>()
                    .write_batch(&values, None, None)
                    .map_err(|e| e.to_string())?;
            }
            Kind::Double => {
                let mut values = Vec::with_capacity(rows.len());
                let mut defined = Vec::with_capacity(rows.len());
                for r in rows {
                    let text = cell(r);
                    if text.is_empty() {
                        defined.push(0);
                    } else {
                        defined.push(1);
                        values.push(number(&text)?);
                    }
                }
                col.typed::<DoubleType>()
                    .write_batch(&values, Some(&defined), None)
                    .map_err(|e| e.to_string())?;
            }
        }
        col.close().map_err(|e| e.to_string())?;
    }
    g.close().map_err(|e| e.to_string())?;
    Ok(())
}
