//! `targets schema`: the JSON Schema of a JSON output.

use policy_targets::schema::{Contract, schema};

use crate::args::{SchemaArgs, SchemaContract};
use crate::failure::Failure;
use crate::write::emit;

/// Prints the schema of the output asked for.
pub fn run(args: SchemaArgs) -> Result<(), Failure> {
    let contract = match args.contract {
        SchemaContract::Export => Contract::Export,
        SchemaContract::Rank => Contract::Rank,
        SchemaContract::Gap => Contract::Gap,
        SchemaContract::Progress => Contract::Progress,
        SchemaContract::Extract => Contract::Extract,
        SchemaContract::List => Contract::List,
        SchemaContract::Index => Contract::Index,
    };
    emit(None, schema(contract).as_bytes())
}
