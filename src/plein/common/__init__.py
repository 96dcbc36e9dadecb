"""The ground floor: helpers every app uses; imports no feature app."""
