//! Quantities against their metric: a unit of the metric's dimension, and no
//! value below zero where the dimension has none.

use crate::catalog::Origin;
use crate::error::{Error, ErrorKind};
use crate::{Metric, Quantity};

/// Reports a quantity whose unit is not of `metric`'s dimension, or that is
/// below zero in a dimension without negative values. The quantity is the
/// record's field `key` (`value`, `upper`, `baseline`); a wrong unit is
/// placed at the record's `unit` field when the unit is written there (the
/// `unit` of a baseline is within `baseline`), a negative value at `key`.
pub(super) fn check_unit(
    q: &Quantity,
    metric: Option<&Metric>,
    origin: &Origin,
    key: &str,
    errors: &mut Vec<Error>,
) {
    if let Some(m) = metric {
        if q.dimension() != m.dimension {
            let unit_field = key != "baseline" && origin.has("unit");
            errors.push(Error::at(
                ErrorKind::WrongDimension {
                    unit: q.unit().to_string(),
                    found: q.dimension(),
                    metric: m.id.to_string(),
                    expected: m.dimension,
                },
                origin.field(if unit_field { "unit" } else { key }),
            ));
        }
    }
    if let Some(kind) = negative(q) {
        errors.push(Error::at(kind, origin.field(key)));
    }
}

/// The error for a quantity below zero in a dimension that has no negative
/// values (see [`Dimension::signed`](crate::Dimension::signed)).
pub(crate) fn negative(q: &Quantity) -> Option<ErrorKind> {
    let below_zero = q.value().is_sign_negative() && !q.value().is_zero();
    (below_zero && !q.dimension().signed()).then(|| ErrorKind::Negative {
        quantity: q.to_string(),
        dimension: q.dimension(),
    })
}

#[cfg(test)]
mod tests {
    use super::negative;
    use crate::Quantity;

    #[test]
    fn only_unsigned_dimensions_refuse_values_below_zero() {
        let message = |s: &str| negative(&s.parse::<Quantity>().unwrap()).map(|k| k.to_string());
        assert_eq!(
            message("-300个").as_deref(),
            Some("negative value -300个: a count cannot be below zero")
        );
        assert_eq!(
            message("-1.5PB").as_deref(),
            Some("negative value -1.5 PB: an amount of data cannot be below zero")
        );
        assert_eq!(
            message("-2万人").as_deref(),
            Some("negative value -2万人: a number of people cannot be below zero")
        );
        // Money and shares may fall below zero: a deficit, a decline.
        assert_eq!(message("-83亿元"), None);
        assert_eq!(message("-5%"), None);
        // Zero is not below zero, however it is written.
        assert_eq!(message("-0个"), None);
        assert_eq!(message("0TB"), None);
    }
}
